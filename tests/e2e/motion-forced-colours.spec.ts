import type { Page } from '@playwright/test';
import { openWithCoderName } from './api';
import { readerScroller } from './reader';
import { expect, test } from './web-app';

/*
 * The reader for people who turn motion off or use Windows high contrast: with
 * prefers-reduced-motion nothing on the page animates or transitions; in forced-colors mode coded
 * text, coders' stripes, the selection, the keyboard focus, the selected tab and document and
 * pressed toggles all still show, in system colours.
 */

async function openReaderWithSelection(page: Page, app: Parameters<typeof openWithCoderName>[1]): Promise<void> {
  await openWithCoderName(page, app);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: '01 Hackney: young people' }).click();
  await expect(readerScroller(page).locator('[data-code-ids]').first()).toBeVisible();
  await readerScroller(page).focus();
  await page.keyboard.press('F7');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(page.getByRole('button', { name: /^Selected passage: / })).toBeVisible();
}

test('reduced motion: no element animates or transitions', async ({ app, page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openReaderWithSelection(page, app);
  // Every element and pseudo-element that would move (codebook chevrons, spinners, the flash of a found passage).
  const moving = await page.evaluate(() => {
    const seconds = (list: string) => Math.max(...list.split(',').map((t) => parseFloat(t) || 0));
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const pseudo of [null, '::before', '::after']) {
        const s = getComputedStyle(el, pseudo);
        const animates = s.animationName !== 'none' && seconds(s.animationDuration) > 0;
        const transitions = s.transitionProperty !== 'none' && seconds(s.transitionDuration) > 0;
        if (animates || transitions) found.push(`${el.tagName.toLowerCase()}.${el.className}${pseudo ?? ''}`);
      }
    }
    return found;
  });
  expect(moving).toEqual([]);
});

test('forced colours: coded text, stripes, the selection and focus stay visible', async ({ app, page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await openReaderWithSelection(page, app);
  const reader = readerScroller(page);
  const look = await page.evaluate(() => {
    const system = (colour: string) => {
      const probe = document.createElement('span');
      probe.style.color = colour;
      document.body.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    };
    const highlight = system('Highlight');
    const text = system('CanvasText');
    const coded = document.querySelector('[data-scroll-root] [data-code-ids]:not([data-selected])')!;
    // Each stripe keeps its coder's pattern, drawn in the text colour: solid, dashed or dotted, or hollow.
    const stripes = Array.from(document.querySelectorAll<HTMLElement>('[data-stripe-code]')).map((el) => {
      const s = getComputedStyle(el);
      const pattern = el.dataset.pattern ?? '0';
      if (pattern === '3') return s.boxShadow.includes(text);
      if (pattern === '0') return s.backgroundColor === text;
      return s.backgroundImage.includes('gradient') && s.backgroundImage.includes(text);
    });
    const selected = document.querySelector('[data-scroll-root] [data-selected]')!;
    const focus = getComputedStyle(document.activeElement!);
    return {
      highlight,
      codedDecoration: getComputedStyle(coded).textDecorationLine,
      stripesPainted: stripes.length > 0 && stripes.every(Boolean),
      selectedBackground: getComputedStyle(selected).backgroundColor,
      focusOutline: `${focus.outlineStyle} ${focus.outlineColor}`,
      selectedTab: getComputedStyle(document.querySelector('[role="tab"][aria-selected="true"]')!).backgroundColor,
      selectedDocument: getComputedStyle(document.querySelector('[role="option"][aria-selected="true"]')!).backgroundColor,
      pressedToggle: getComputedStyle(document.querySelector('button[aria-pressed="true"]')!).backgroundColor,
    };
  });
  expect(look.codedDecoration, 'coded text is underlined').toContain('underline');
  expect(look.stripesPainted, 'every stripe is drawn').toBe(true);
  expect(look.selectedBackground, 'the selection takes the system highlight').toBe(look.highlight);
  expect(look.focusOutline, 'focus is ringed in the system highlight').toBe(`solid ${look.highlight}`);
  expect(look.selectedTab, 'the selected tab is marked').toBe(look.highlight);
  expect(look.selectedDocument, 'the open document is marked in the list').toBe(look.highlight);
  expect(look.pressedToggle, 'a pressed toggle is marked').toBe(look.highlight);
  await expect(reader).toBeFocused();
  await page.screenshot({ path: 'test-results/forced-colours-reader.png' });
});
