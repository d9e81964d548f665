import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { branding } from "@/lib/branding";
import "./globals.css";

export function generateMetadata(): Metadata {
  const { productName } = branding();
  return {
    title: { default: `${productName} Microsoft 365 setup`, template: `%s – ${productName} Microsoft 365 setup` },
    description: `Connect your brokerage's Microsoft 365 tenant to ${productName}.`,
    referrer: "no-referrer",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  const { productName, vendorName, supportEmail } = branding();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col bg-white text-ink antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-focus focus:px-3 focus:py-2 focus:text-ink"
        >
          Skip to main content
        </a>
        <header className="no-print border-b-8 border-brand-600 bg-brand-800 text-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-baseline justify-between gap-2 px-4 py-3">
            <Link href="/" className="text-lg font-bold text-white no-underline hover:underline">
              {productName} <span className="font-normal">Microsoft 365 setup</span>
            </Link>
            <nav aria-label="Main">
              <Link href="/guide" className="text-white underline-offset-4 hover:underline">
                Setup guide
              </Link>
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="no-print border-t border-gray-300 bg-gray-50 text-sm text-muted">
          <div className="mx-auto max-w-5xl px-4 py-6">
            {productName} by {vendorName}. Questions:{" "}
            <a className="text-brand-700 underline" href={`mailto:${supportEmail}`}>
              {supportEmail}
            </a>
          </div>
        </footer>
      </body>
    </html>
  );
}
