import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SimulatedZoomBanner } from "@/components/layout/simulated-zoom-banner";
import "./globals.css";

// Every page reads the database or the session: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Zoom Credential Wizard", template: "%s · Zoom Credential Wizard" },
  description: "Connect Zoom accounts step by step, and keep every connection working.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <SimulatedZoomBanner />
        {children}
      </body>
    </html>
  );
}
