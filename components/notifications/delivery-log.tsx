import { Cell, DataTable, EmptyRow, HeaderCell, TableHead, TableRow } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import type { listDeliveryAttempts } from "@/lib/notifications/list-deliveries";

type Attempt = Awaited<ReturnType<typeof listDeliveryAttempts>>[number];

function outcome(attempt: Attempt): string {
  if (attempt.ok) return "Delivered";
  if (attempt.nextAttemptAt) return `Failed, retrying ${formatDateTime(attempt.nextAttemptAt)}`;
  return attempt.deliveryStatus === "failed" ? "Failed, given up" : "Failed";
}

/** Every attempt, newest first: the status code and a short note of the answer. */
export function DeliveryLog({ attempts, showRecipient }: { attempts: Attempt[]; showRecipient: boolean }) {
  const columns = showRecipient ? 6 : 5;
  return (
    <DataTable caption="Delivery log">
      <TableHead>
        <HeaderCell>When</HeaderCell>
        <HeaderCell>Event</HeaderCell>
        {showRecipient && <HeaderCell>To</HeaderCell>}
        <HeaderCell>Result</HeaderCell>
        <HeaderCell hideBelow="sm">Status code</HeaderCell>
        <HeaderCell hideBelow="md">Answer</HeaderCell>
      </TableHead>
      <tbody>
        {attempts.length === 0 && <EmptyRow columns={columns}>Nothing sent yet.</EmptyRow>}
        {attempts.map((attempt) => (
          <TableRow key={attempt.id}>
            <Cell>{formatDateTime(attempt.at)}</Cell>
            <Cell>
              <span className="font-mono text-xs">{attempt.event}</span>
              <span className="block text-slate-600">
                {attempt.credentialName}
                {attempt.attempt > 1 ? ` · attempt ${attempt.attempt}` : ""}
              </span>
            </Cell>
            {showRecipient && <Cell>{attempt.recipient}</Cell>}
            <Cell>{outcome(attempt)}</Cell>
            <Cell hideBelow="sm">{attempt.statusCode ?? "—"}</Cell>
            <Cell hideBelow="md" className="max-w-xs truncate text-slate-600">
              {attempt.note ?? "—"}
            </Cell>
          </TableRow>
        ))}
      </tbody>
    </DataTable>
  );
}
