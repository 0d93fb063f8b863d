import { memo, type CSSProperties } from 'react';
import { useNavigate } from 'react-router';
import { useTask } from '../tasks/tasks-hooks';
import { useStaleMarks } from '../ui/stale-data';
import type { TaskTimings } from '../tasks/task-types';
import type { DeviceRowRef } from './device-rows';
import { DeviceRow, ROW_GRID, taskPath } from './device-row';

interface RowSlotProps {
  row: DeviceRowRef;
  timings: TaskTimings;
  style: CSSProperties;
}

/** One positioned row of the virtual list; it subscribes to its own task by bid. */
function RowSlotView({ row, timings, style }: RowSlotProps) {
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
      className={`${ROW_GRID} absolute top-0 left-0 w-full cursor-pointer items-center border-b border-slate-100 bg-white px-3 hover:bg-slate-50 ${staleClass}`}
      onClick={(event) => {
        // The SN link navigates by itself; a click anywhere else on the row does the same.
        if (!(event.target instanceof Element && event.target.closest('a'))) void navigate(taskPath(row.bid));
      }}
    >
      <DeviceRow row={row} task={task} timings={timings} />
    </div>
  );
}

export const RowSlot = memo(
  RowSlotView,
  (a, b) =>
    a.row.key === b.row.key && a.timings === b.timings && a.style.transform === b.style.transform && a.style.height === b.style.height,
);
