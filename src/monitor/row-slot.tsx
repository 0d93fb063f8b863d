import { memo, type CSSProperties } from 'react';
import { useNavigate } from 'react-router';
import { useTask } from '../tasks/tasks-hooks';
import { useStaleMarks } from '../ui/stale-data';
import type { TaskTimings } from '../tasks/task-types';
import type { DeviceRowRef, PlanRowRef, TaskRowRef } from './device-rows';
import { DeviceRow, ROW_GRID, taskPath } from './device-row';
import { PlanRow } from './plan-row';

interface RowSlotProps {
  row: DeviceRowRef;
  timings: TaskTimings;
  style: CSSProperties;
}

const ROW_CLASS = `${ROW_GRID} absolute top-0 left-0 w-full items-center border-b border-slate-100 px-3`;

/** One positioned row of the virtual list; it subscribes to its own task by bid. */
function TaskRowSlot({ row, timings, style }: RowSlotProps & { row: TaskRowRef }) {
  const task = useTask(row.bid);
  const navigate = useNavigate();
  const { className: staleClass, ...staleMarks } = useStaleMarks();
  if (task === undefined) return null;
  return (
    <div
      {...staleMarks}
      role="listitem"
      data-row-key={row.key}
      style={style}
      className={`${ROW_CLASS} cursor-pointer hover:bg-slate-50 ${row.earlier ? 'bg-slate-50' : 'bg-white'} ${staleClass}`}
      onClick={(event) => {
        // The SN link navigates by itself; a click anywhere else on the row does the same.
        if (!(event.target instanceof Element && event.target.closest('a'))) void navigate(taskPath(row.bid));
      }}
    >
      <DeviceRow row={row} task={task} timings={timings} />
    </div>
  );
}

/** A campaign gateway's device with no task yet: nothing to open. */
function PlanRowSlot({ row, style }: { row: PlanRowRef; style: CSSProperties }) {
  const { className: staleClass, ...staleMarks } = useStaleMarks();
  return (
    <div {...staleMarks} role="listitem" data-row-key={row.key} style={style} className={`${ROW_CLASS} bg-white ${staleClass}`}>
      <PlanRow row={row} />
    </div>
  );
}

function RowSlotView({ row, timings, style }: RowSlotProps) {
  return row.kind === 'task' ? <TaskRowSlot row={row} timings={timings} style={style} /> : <PlanRowSlot row={row} style={style} />;
}

const earlierOf = (row: DeviceRowRef): boolean => row.kind === 'task' && row.earlier;

export const RowSlot = memo(
  RowSlotView,
  (a, b) =>
    a.row.key === b.row.key &&
    earlierOf(a.row) === earlierOf(b.row) &&
    a.timings === b.timings &&
    a.style.transform === b.style.transform &&
    a.style.height === b.style.height,
);
