export default function FleetScreen() {
  return (
    <section aria-labelledby="screen-title" className="p-6">
      <h1 id="screen-title" className="text-xl font-semibold">
        Fleet
      </h1>
    </section>
  );
}
