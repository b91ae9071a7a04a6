import { signIn } from "next-auth/react";

/** Signs in with what the person just typed, after an action created their account. */
export async function signInWith(formData: FormData): Promise<boolean> {
  const result = await signIn("credentials", { email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? ""), redirect: false });
  return Boolean(result?.ok && !result.error);
}
