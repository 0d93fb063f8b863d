export default function SettingsScreen() {
  return (
    <section aria-labelledby="screen-title" className="p-6">
      <h1 id="screen-title" className="text-xl font-semibold">
        Settings
      </h1>
    </section>
  );
}
