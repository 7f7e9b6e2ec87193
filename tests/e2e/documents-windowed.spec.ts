import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProject } from '../bench/generate';
import { expect, launchWebApp, test } from './web-app';

/*
 * The Documents listbox over the windowing threshold (150): after a long jump down a list of
 * 1,000 documents, the options rendered there are measured (their attribute lines wrap, so they
 * are not the estimated height); the one under the pointer must stay under it, so a click opens
 * the option the user aimed at.
 */

/** Just what the page-side code uses of the DOM (this file is type-checked without DOM types). */
interface PageElement {
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
  ownerDocument: { elementFromPoint(x: number, y: number): { closest(s: string): PageOption | null } | null };
}
interface PageOption {
  getAttribute(name: string): string | null;
  dataset: Record<string, string | undefined>;
}

test('documents: a click far down a windowed list of 1,000 lands on the option aimed at', async ({ page }) => {
  test.setTimeout(240_000);
  const root = await mkdtemp(join(tmpdir(), 'marginalia-windowed-'));
  const project = join(root, 'Many.marginalia');
  await generateProject(project, { seed: 18, documents: 1000, totalChars: 400_000, bigDocumentChars: 4_000, codes: 300, codings: 400 });
  const server = await launchWebApp(join(root, 'data'), join(root, 'Documents'), { args: ['--project', project] });
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(server.url);
    // Only reading: the name can wait.
    await page.getByRole('dialog', { name: 'What’s your name?' }).getByRole('button', { name: 'Not now' }).click();
    const list = page.getByRole('listbox', { name: 'Documents' });
    const options = list.getByRole('option');
    await expect(options.first()).toHaveAttribute('aria-setsize', '1000');
    // Windowed: not every option is in the page.
    await expect.poll(() => options.count()).toBeLessThan(1000);

    // The long jump: the scrollbar dragged most of the way down in one go.
    await list.evaluate((el) => {
      const scroller = el as unknown as { scrollTop: number; scrollHeight: number };
      scroller.scrollTop = scroller.scrollHeight * 0.8;
    });
    // Aim as soon as the options there are drawn (a frame or two after the scroll), before their heights are measured…
    const aimNow = () =>
      list.evaluate((el) => {
        const list = el as unknown as PageElement;
        const box = list.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        const hit = list.ownerDocument.elementFromPoint(x, y)?.closest('[role="option"]');
        return hit ? { x, y, name: hit.getAttribute('title') ?? '', index: Number(hit.dataset.index) } : null;
      });
    let aim = await aimNow();
    for (let frames = 0; !aim && frames < 30; frames++) {
      await page.evaluate('new Promise((done) => requestAnimationFrame(done))');
      aim = await aimNow();
    }
    expect(aim, 'an option under the middle of the list after the jump').not.toBeNull();
    expect(aim!.index).toBeGreaterThan(500);
    // …then click where it was once the measurements have come in.
    await page.waitForTimeout(500);
    await page.mouse.click(aim!.x, aim!.y);
    await expect(list.getByRole('option', { selected: true })).toHaveAttribute('data-index', String(aim!.index));
    await expect(page.getByRole('region', { name: aim!.name })).toBeVisible();
  } finally {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
});
