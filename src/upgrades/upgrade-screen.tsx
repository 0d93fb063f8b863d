export default function UpgradeScreen() {
  return (
    <section aria-labelledby="screen-title" className="p-6">
      <h1 id="screen-title" className="text-xl font-semibold">
        Upgrade
      </h1>
    </section>
  );
}
