import { TextField } from "@/components/ui/text-field";

/** The Client Secret input of both wizards: once saved it is never shown, only replaced. */
export function ClientSecretField({ hasSecret, error }: { hasSecret: boolean; error: string | undefined }) {
  return (
    <TextField
      label="Client Secret"
      name="clientSecret"
      type="password"
      autoComplete="off"
      spellCheck={false}
      required={!hasSecret}
      placeholder={hasSecret ? "•••••••• saved — paste a new one to replace it" : undefined}
      error={error}
      hint={
        hasSecret
          ? "A Client Secret is saved (encrypted). Leave this empty to keep it."
          : "It is encrypted as soon as you press Next and never shown again."
      }
    />
  );
}
