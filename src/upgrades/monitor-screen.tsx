export default function MonitorScreen() {
  return (
    <section aria-labelledby="screen-title" className="p-6">
      <h1 id="screen-title" className="text-xl font-semibold">
        Monitor
      </h1>
    </section>
  );
}
