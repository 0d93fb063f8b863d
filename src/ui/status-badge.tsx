import { Badge, type BadgeTone } from './badge';

export type StatusKind = 'pending' | 'active' | 'paused' | 'success' | 'failure' | 'warning' | 'unknown';

const LOOK: Record<StatusKind, { icon: string; tone: BadgeTone }> = {
  pending: { icon: '○', tone: 'neutral' },
  active: { icon: '↻', tone: 'info' },
  paused: { icon: '⏸', tone: 'warning' },
  success: { icon: '✓', tone: 'success' },
  failure: { icon: '✕', tone: 'danger' },
  warning: { icon: '⚠', tone: 'warning' },
  unknown: { icon: '?', tone: 'neutral' },
};

export interface StatusBadgeProps {
  kind: StatusKind;
  /** Always shown: the state is never told by colour or icon alone. */
  label: string;
}

export function StatusBadge({ kind, label }: StatusBadgeProps) {
  const look = LOOK[kind];
  return (
    <Badge tone={look.tone}>
      <span aria-hidden="true" className="mr-1">
        {look.icon}
      </span>
      {label}
    </Badge>
  );
}
