import type { GuideContext } from "../guide-context";
import { Inset, linkClass, Ui } from "../guide-ui";

/**
 * Instead of steps 5 and 6: upload the certificate the portal made (the `certificate`
 * method, DESIGN §9). Not a numbered step: it replaces two of them for whoever picks it.
 */
export function UploadCertificateSection({ ctx }: { ctx: GuideContext }) {
  return (
    <section id="upload-certificate" aria-labelledby="upload-certificate-heading" className="guide-section scroll-mt-4 border-t-2 border-gray-300 pt-8">
      <h2 id="upload-certificate-heading" className="text-2xl font-bold sm:text-3xl">
        <span className="block text-lg font-normal text-muted">Instead of steps 5 and 6 (recommended)</span>
        Upload the certificate
      </h2>
      <div className="mt-4 space-y-4">
        <p>
          With a certificate there is no secret to copy. {ctx.vendorName} makes a key pair for your organisation, keeps the private
          key sealed, and gives you only the public certificate to upload.
        </p>
        <ol className="list-decimal space-y-3 pl-6">
          <li>
            On your invite’s details page, choose <Ui>Connect with a certificate</Ui>, then <Ui>Create the certificate</Ui>, and
            download the <Ui>.cer</Ui> file.
          </li>
          <li>
            In the Microsoft Entra admin center, open the app registration. Under <Ui>Manage</Ui>, select{" "}
            <Ui>Certificates &amp; secrets</Ui>.
          </li>
          <li>
            On the <Ui>Certificates</Ui> tab, select <Ui>Upload certificate</Ui>, choose the .cer file, type a description such as{" "}
            <Ui>CRM sync</Ui>, and select <Ui>Add</Ui>.
          </li>
          <li>
            Check that the new row’s <Ui>Thumbprint</Ui> matches the start of the thumbprint on the details page (the admin center
            shows the SHA-1 thumbprint; the details page shows SHA-256, so compare the expiry date too).
          </li>
          <li>Go back to the details page and send the Tenant ID, Client ID and test mailbox. No secret, no expiry date.</li>
        </ol>
        <Inset>
          <p className="font-bold">If the check says the certificate was not found</p>
          <p>
            The app holds another certificate, or none. Upload the one from the details page (a new certificate there replaces the
            old one, so upload the newest). A certificate uploaded a minute ago may not have reached all of Microsoft’s servers yet:
            check again in a minute.
          </p>
        </Inset>
        <p>
          The setup script can upload it for you:{" "}
          <a className={linkClass} href="#setup-script">
            see the setup script
          </a>{" "}
          (<code>az ad app credential reset --id &lt;client id&gt; --cert @certificate.pem --append</code>).
        </p>
      </div>
    </section>
  );
}
