import type { Metadata, Viewport } from "next";
import { AppToaster } from "@/components/ui/toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pilot CRM", template: "%s · Pilot CRM" },
  description: "Leads, calls and conversions for pilot-car and heavy-haul permit sales",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        {children}
        <AppToaster />
      </body>
    </html>
  );
}
