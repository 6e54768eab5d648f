// X-Twilio-Signature is checked by twilio-node's own validator against the URL Twilio signed.
// The reference values are Twilio's documented example (auth token 12345, the myapp.php URL).
import { signedUrl, twilioParams, verifyTwilioRequest } from "@/lib/sms/verify-twilio-request";

const DOC_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
const DOC_TOKEN = "12345";
const docBody = (caller: string) => new URLSearchParams({ CallSid: "CA1234567890ABCDE", Caller: caller, Digits: "1234", From: caller, To: "+18005551212" }).toString();

describe("verifyTwilioRequest", () => {
  it("accepts Twilio's documented examples", () => {
    // twilio-node's and twilio-php's documentation snippets (two callers, two signatures).
    expect(verifyTwilioRequest({ authToken: DOC_TOKEN, signature: "RSOYDt4T1cUTdK1PDd93/VVr8B8=", url: DOC_URL, rawBody: docBody("+14158675309") })).toMatchObject({ ok: true, params: { Digits: "1234" } });
    expect(verifyTwilioRequest({ authToken: DOC_TOKEN, signature: "GvWf1cFY/Q7PnoempGyD5oXAezc=", url: DOC_URL, rawBody: docBody("+14158675310") }).ok).toBe(true);
  });

  it("refuses a changed field, URL, token, or a missing signature or token", () => {
    const good = { authToken: DOC_TOKEN, signature: "RSOYDt4T1cUTdK1PDd93/VVr8B8=", url: DOC_URL, rawBody: docBody("+14158675309") };
    expect(verifyTwilioRequest({ ...good, rawBody: good.rawBody.replace("1234", "9999") })).toEqual({ ok: false, reason: "Invalid X-Twilio-Signature" });
    expect(verifyTwilioRequest({ ...good, url: "https://mycompany.com/myapp.php?foo=1&bar=3" }).ok).toBe(false);
    expect(verifyTwilioRequest({ ...good, url: "http://mycompany.com/myapp.php?foo=1&bar=2" }).ok).toBe(false);
    expect(verifyTwilioRequest({ ...good, authToken: "54321" }).ok).toBe(false);
    expect(verifyTwilioRequest({ ...good, signature: null })).toEqual({ ok: false, reason: "Missing X-Twilio-Signature" });
    expect(verifyTwilioRequest({ ...good, authToken: null }).ok).toBe(false);
  });

  it("accepts the URL with the standard port written out, as Twilio may sign either form", () => {
    expect(verifyTwilioRequest({ authToken: DOC_TOKEN, signature: "RSOYDt4T1cUTdK1PDd93/VVr8B8=", url: "https://mycompany.com:443/myapp.php?foo=1&bar=2", rawBody: docBody("+14158675309") }).ok).toBe(true);
  });

  it("reads repeated form fields as a list", () => {
    expect(twilioParams("MediaUrl0=a&X=1&X=2")).toEqual({ MediaUrl0: "a", X: ["1", "2"] });
  });
});

describe("signedUrl", () => {
  const headers = new Headers({ host: "10.0.0.5:3000", "x-forwarded-proto": "https", "x-forwarded-host": "crm.example.com" });
  const seen = "http://10.0.0.5:3000/api/webhooks/twilio/inbound?x=1";
  afterEach(() => delete process.env.TRUST_PROXY);

  it("uses the configured public base URL with the request's path and query", () => {
    expect(signedUrl(seen, headers, { webhookBaseUrl: "https://crm.example.com" })).toBe("https://crm.example.com/api/webhooks/twilio/inbound?x=1");
  });

  it("reads X-Forwarded-Proto/Host only behind a trusted proxy, else the URL the app saw", () => {
    expect(signedUrl(seen, headers, { webhookBaseUrl: null })).toBe(seen);
    process.env.TRUST_PROXY = "1";
    expect(signedUrl(seen, headers, { webhookBaseUrl: null })).toBe("https://crm.example.com/api/webhooks/twilio/inbound?x=1");
  });
});
