import type { Metadata, Viewport } from "next";
import { AppToaster } from "@/components/ui/toaster";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pilot CRM", template: "%s · Pilot CRM" },
  description: "Leads, calls and conversions for pilot-car and heavy-haul permit sales",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        {children}
        <AppToaster />
      </body>
    </html>
  );
}
