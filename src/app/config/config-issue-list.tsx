import type { ConfigIssue } from './config-schema';
import { useMessageText } from '../../ui/i18n/message';
import { configIssueSourceMessage } from './config-messages';

/** One line per rejected value: which key, where it came from, why. */
export function ConfigIssueList({ issues }: { issues: readonly ConfigIssue[] }) {
  const say = useMessageText();
  return (
    <ul className="list-disc pl-5">
      {issues.map((issue) => (
        <li key={`${issue.source}:${issue.key}`}>
          <code className="font-mono">{issue.key}</code> ({say(configIssueSourceMessage(issue.source))}): {issue.message}
        </li>
      ))}
    </ul>
  );
}
