import type { Metadata, Viewport } from "next";
import { GRID } from "@/components/chrome/page-chrome";
import { branding } from "@/lib/branding";
import "./globals.css";

export function generateMetadata(): Metadata {
  const { productName } = branding();
  return {
    title: { default: `${productName} Microsoft 365 setup`, template: `%s – ${productName} Microsoft 365 setup` },
    description: `Connect your brokerage's Microsoft 365 tenant to ${productName}.`,
    referrer: "no-referrer",
    // The files in public/: one icon for browsers, phones' home screens and the manifest.
    icons: { icon: [{ url: "/favicon.ico", sizes: "48x48" }, { url: "/icon.svg", type: "image/svg+xml" }], apple: "/apple-touch-icon.png" },
    manifest: "/manifest.webmanifest",
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
        {/* Each audience's layout adds its own header and the main region: public, brokerage, staff. */}
        {children}
        <footer className="no-print border-t border-gray-300 bg-gray-50 text-sm text-muted">
          <div className={`${GRID} py-6`}>
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
