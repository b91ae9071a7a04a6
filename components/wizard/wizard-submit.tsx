import { Button } from "@/components/ui/button";
import { WizardNav } from "./wizard-nav";

/** Back, and the step form's submit button that says when it is busy. */
export function WizardSubmit({
  backHref,
  pending,
  label = "Next",
  pendingLabel = "Saving…",
}: {
  backHref: string | null;
  pending: boolean;
  label?: string;
  pendingLabel?: string;
}) {
  return (
    <WizardNav
      backHref={backHref}
      next={
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : label}
        </Button>
      }
    />
  );
}
