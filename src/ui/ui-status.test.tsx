import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from './progress-bar';
import { StatusBadge } from './status-badge';
import { SummaryTile, SummaryTiles } from './summary-tile';

describe('ProgressBar', () => {
  it('exposes name, value range and value text, and scales the fill with a transform', () => {
    render(<ProgressBar label="Upgrade progress DOCK-1" value={42} valueText="42% · In Progress · Downloading" />);
    const bar = screen.getByRole('progressbar', { name: 'Upgrade progress DOCK-1' });
    expect(bar).toHaveAttribute('aria-valuenow', '42');
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(bar).toHaveAttribute('aria-valuetext', '42% · In Progress · Downloading');
    const fill = screen.getByTestId('progress-fill');
    expect(fill.style.transform).toBe('scaleX(0.42)');
    expect(fill.style.width).toBe('');
  });

  it('clamps out-of-range and non-finite values', () => {
    const { rerender } = render(<ProgressBar label="p" value={140} />);
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    rerender(<ProgressBar label="p" value={Number.NaN} />);
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
    expect(screen.getByTestId('progress-fill').style.transform).toBe('scaleX(0)');
  });
});

describe('StatusBadge', () => {
  it('shows the label as text with a decorative icon', () => {
    render(<StatusBadge kind="failure" label="Failed" />);
    const text = screen.getByText('Failed');
    expect(text).toHaveTextContent(/^✕Failed$/);
    expect(text.querySelector('[aria-hidden="true"]')).toHaveTextContent('✕');
  });
});

describe('SummaryTile', () => {
  it('pairs each label with its value in a named description list', () => {
    render(
      <SummaryTiles label="Task summary">
        <SummaryTile label="Failed" value={3} />
        <SummaryTile label="Overall" value="50%" hint="2 of 4 done" />
      </SummaryTiles>,
    );
    const list = screen.getByRole('group', { name: 'Task summary' });
    expect(list.querySelectorAll('dt')).toHaveLength(2);
    expect(screen.getByText('Failed').nextElementSibling).toHaveTextContent('3');
    expect(screen.getByText('2 of 4 done')).toBeInTheDocument();
  });
});
