import { Link } from 'react-router';

/** The per-dock page of a gateway (a device's SN opens its gateway's page). */
export function dockPath(sn: string): string {
  return `/fleet/${encodeURIComponent(sn)}`;
}

/** An SN that opens its dock's page; any screen that shows a gateway or device SN can use it. */
export function DockLink({ sn, className = '' }: { sn: string; className?: string }) {
  return (
    <Link to={dockPath(sn)} className={`font-mono text-blue-800 underline-offset-2 hover:underline ${className}`}>
      {sn}
    </Link>
  );
}
