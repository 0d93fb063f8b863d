export default function FirmwareScreen() {
  return (
    <section aria-labelledby="screen-title" className="p-6">
      <h1 id="screen-title" className="text-xl font-semibold">
        Firmware
      </h1>
    </section>
  );
}
