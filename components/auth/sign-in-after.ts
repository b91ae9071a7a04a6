import { signIn } from "next-auth/react";
import { formText } from "./form-text";

/** Signs in with what the person just typed, after an action created their account. */
export async function signInWith(formData: FormData): Promise<boolean> {
  const result = await signIn("credentials", {
    email: formText(formData, "email"),
    password: formText(formData, "password"),
    redirect: false,
  });
  return Boolean(result?.ok && !result.error);
}
