/**
 * A locally installed Chromium or Chrome, found and driven with playwright-core to print
 * our HTML to PDF. Never downloaded: `CHROME_PATH` names one, or one of the usual install
 * locations has one. The page is printed with JavaScript off and every request refused,
 * so printing fetches nothing and runs nothing.
 */
import type { FileSystem } from './io.js';

const USUAL = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export type FoundBrowser = { ok: true; path: string } | { ok: false; message: string };

export function findBrowser(fs: FileSystem, env: Readonly<Record<string, string | undefined>>): FoundBrowser {
  const named = env.CHROME_PATH;
  if (named) {
    if (isFile(fs, named)) return { ok: true, path: named };
    return {
      ok: false,
      message: `CHROME_PATH is ${JSON.stringify(named)}, and there is no browser there to print PDF with`,
    };
  }
  const found = USUAL.find((path) => isFile(fs, path));
  if (found) return { ok: true, path: found };
  return {
    ok: false,
    message: 'no Chromium or Chrome was found to print PDF with: install one, or set CHROME_PATH to its executable',
  };
}

function isFile(fs: FileSystem, path: string): boolean {
  try {
    return fs.statSync(path).isFile();
  } catch {
    return false;
  }
}

/** How communique starts Chromium: no sandbox (containers, CI), no network chatter, no extensions; tests start it the same way. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--font-render-hinting=none',
];

/** Each page printed to A4 PDF, tagged and with an outline, in the order given. */
export async function printPdfs(executablePath: string, pages: readonly string[]): Promise<Uint8Array[]> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    const printed: Uint8Array[] = [];
    for (const html of pages) {
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      const pdf = await page.pdf({
        preferCSSPageSize: true,
        format: 'A4',
        printBackground: true,
        tagged: true,
        outline: true,
      });
      printed.push(new Uint8Array(pdf));
    }
    return printed;
  } finally {
    await browser.close();
  }
}
