import type { ConfigIssue } from './config-schema';
import { useConfigTexts } from './use-config-texts';

/** One line per rejected value: which key, where it came from, why. */
export function ConfigIssueList({ issues }: { issues: readonly ConfigIssue[] }) {
  const texts = useConfigTexts();
  return (
    <ul className="list-disc pl-5">
      {issues.map((issue) => (
        <li key={`${issue.source}:${issue.key}`}>
          <code className="font-mono">{issue.key}</code> ({texts.issueFrom(issue.source)}): {issue.message}
        </li>
      ))}
    </ul>
  );
}
