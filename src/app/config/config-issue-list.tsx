import type { ConfigIssue } from './config-schema';

const FROM: Record<ConfigIssue['source'], string> = {
  'config.json': 'config.json',
  saved: 'saved settings',
  URL: 'URL parameter',
};

/** One line per rejected value: which key, where it came from, why. */
export function ConfigIssueList({ issues }: { issues: readonly ConfigIssue[] }) {
  return (
    <ul className="list-disc pl-5">
      {issues.map((issue) => (
        <li key={`${issue.source}:${issue.key}`}>
          <code className="font-mono">{issue.key}</code> ({FROM[issue.source]}): {issue.message}
        </li>
      ))}
    </ul>
  );
}
