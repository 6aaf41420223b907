import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectFitsAt360, expectNoAxeViolations, expectNoAxeViolationsInBothLanguages, launchChromium } from '../browser.ts';
import { newPage, open, signIn } from '../identity/helpers.ts';

const baseUrl = inject('baseUrl');

/** A 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');

describe('secure messaging: a patient writes with a photo, a nurse answers, the patient reads the answer', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('patient@ sends a message with a PNG (after the emergency notice), nurse@ replies, patient@ sees the reply and the read receipt', async () => {
    const subject = `Chest question ${Date.now()}`;
    const patient = await newPage(browser);
    await signIn(patient, baseUrl, 'patient@ourchart.example');

    // "Messages" is in the menu; the list page passes axe in both languages and fits 360 px.
    await patient.getByRole('link', { name: 'Messages' }).first().click();
    await patient.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'messages list', 'Messages', 'Mensajes');
    await expectFitsAt360(patient);

    await patient.getByRole('link', { name: 'New message' }).click();
    await patient.getByRole('heading', { level: 1, name: 'New message' }).waitFor();
    // Each topic says who answers and how soon: Ana's clinical questions go to Dr. Patel's team.
    const medical = patient.getByRole('radio', { name: /^Medical question/ });
    await medical.waitFor();
    await patient.getByText("Answered by: Dr. Patel's care team. Usual reply time: 2 business days.").first().waitFor();
    await patient.getByText('Answered by: Billing office. Usual reply time: 3 business days.').waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'new message form', 'New message', 'Mensaje nuevo');
    await expectFitsAt360(patient);

    // Send with nothing filled in: the problems are said, and focus goes to the topic.
    await patient.getByRole('button', { name: 'Send', exact: true }).click();
    await patient.getByRole('alert').filter({ hasText: 'Choose what your message is about.' }).waitFor();
    await expectNoAxeViolations(patient, 'new message with problems');

    await medical.check();
    await patient.getByLabel('Subject').fill(subject);
    await patient.getByLabel('Message', { exact: true }).fill('I had chest pain last night after I climbed the stairs. It is gone now.');
    await patient.getByLabel('Attach photos or PDF files (optional)').setInputFiles({ name: 'rash.png', mimeType: 'image/png', buffer: PNG });
    await patient.getByRole('list', { name: 'Files to send' }).getByText('rash.png (70 B)').waitFor();
    await patient.getByRole('button', { name: 'Send', exact: true }).click();

    // "chest pain" brings up the emergency notice before anything is sent.
    const dialog = patient.getByRole('alertdialog', { name: 'Is this an emergency?' });
    await dialog.getByText('If this is an emergency, call 911 or go to the nearest emergency room. For thoughts of suicide call or text 988.').waitFor();
    expect(await dialog.getByRole('link', { name: 'Call 911' }).getAttribute('href')).toBe('tel:911');
    await expectNoAxeViolations(patient, 'emergency notice');
    await dialog.getByRole('button', { name: 'Send my message anyway' }).click();

    // Sent: the conversation page shows it, with the file and "not read yet".
    await patient.getByRole('heading', { level: 1, name: subject }).waitFor();
    await patient.getByRole('link', { name: /Download rash\.png/ }).waitFor();
    await patient.getByText('Not read by the care team yet').waitFor();
    const threadUrl = patient.url();
    const threadId = new URL(threadUrl).searchParams.get('id')!;

    // Leave the conversation: an open one reads new replies as they arrive (live updates), and the
    // list's unread count is checked below.
    await open(patient, baseUrl, '/', /Hello, Ana/);

    // The nurse on Dr. Patel's team finds it in the unread inbox, opens it and answers (through the staff API).
    const nurse = await newPage(browser);
    await signIn(nurse, baseUrl, 'nurse@ourchart.example');
    const answered = await nurse.evaluate(async (id) => {
      const inbox = (await (await fetch('/api/staff/messages/inbox?pool=care-patel&filter=unread')).json()) as { threads: { id: string; subject: string }[] };
      const thread = (await (await fetch(`/api/staff/messages/threads/${id}`)).json()) as { messages: { attachments: { id: string }[] }[] };
      const file = await fetch(`/api/staff/messages/attachments/${thread.messages[0]!.attachments[0]!.id}`);
      const reply = await fetch(`/api/staff/messages/threads/${id}/replies`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-ourchart-csrf': '1' },
        body: JSON.stringify({ body: 'Thank you for telling us. Please come in tomorrow so we can check your heart.', status: 'waiting-on-patient' }),
      });
      return { inInbox: inbox.threads.some((t) => t.id === id), fileType: file.headers.get('content-type'), fileSize: (await file.arrayBuffer()).byteLength, reply: reply.status };
    }, threadId);
    expect(answered).toEqual({ inInbox: true, fileType: 'image/png', fileSize: PNG.length, reply: 201 });

    // The patient's list shows one unread message; the conversation shows the answer and the read receipt.
    await open(patient, baseUrl, '/messages', 'Messages');
    const item = patient.getByRole('listitem').filter({ hasText: subject });
    await item.getByText('1 unread message').waitFor();
    await item.getByText('The care team is waiting for your answer').waitFor();
    await item.getByRole('link', { name: new RegExp(subject) }).click();
    await patient.getByRole('heading', { level: 1, name: subject }).waitFor();
    await patient.getByText('Thank you for telling us. Please come in tomorrow so we can check your heart.').waitFor();
    await patient.getByText('Emily Nguyen, RN').waitFor();
    await patient.getByText(/^Read by the care team at /).waitFor();
    expect(await patient.getByText('Not read by the care team yet').count()).toBe(0);

    // The reply box keeps a draft while the patient types.
    await patient.getByRole('textbox', { name: 'Your reply' }).fill('I will come in tomorrow morning.');
    await patient.getByText(/^Draft saved at /).waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'conversation', subject, subject);
    await expectFitsAt360(patient);

    // The download link serves the same PNG.
    const bytes = await patient.evaluate(async (href) => (await (await fetch(href)).arrayBuffer()).byteLength, (await patient.getByRole('link', { name: /Download rash\.png/ }).getAttribute('href'))!);
    expect(bytes).toBe(PNG.length);
    await patient.context().close();
    await nurse.context().close();
  });
});
