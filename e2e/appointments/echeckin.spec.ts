import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectFitsAt360, expectNoAxeViolations, expectNoAxeViolationsInBothLanguages, launchChromium } from '../browser.ts';
import { newPage, open, signIn } from '../identity/helpers.ts';

const baseUrl = inject('baseUrl');

type Appointments = { upcoming: { id: string; visitType: { id: string }; checkInOpen: boolean }[] };

const CHECK_IN = { en: 'eCheck-in', es: 'Registro en línea' };
const focusedClass = (page: Page) => page.evaluate(() => document.activeElement?.className ?? '');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('eCheck-in with PHQ-9, GAD-7 and the pre-visit form; the clinician sees the care alert', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('patient checks in, answers PHQ-9 item 9 above zero and sees the crisis message; the clinician sees the alert and the scored answers', { timeout: 240_000 }, async () => {
    const patient = await newPage(browser);
    await signIn(patient, baseUrl, 'patient@ourchart.example');
    // The annual physical the demo seeds for Ana 2 days out (the appointments API the pages use).
    const visit = await patient.evaluate(async () => ((await (await fetch('/api/appointments')).json()) as Appointments).upcoming.find((a) => a.visitType.id === 'annual-physical'));
    expect(visit?.checkInOpen, 'the demo seeds Ana\'s annual physical within 3 days (features/appointments/seed-appointments.ts)').toBe(true);

    // Another id is refused in words.
    await open(patient, baseUrl, '/check-in?appointment=not-my-visit', 'eCheck-in');
    await patient.getByText('We could not find this visit.', { exact: false }).waitFor();

    await open(patient, baseUrl, `/check-in?appointment=${visit!.id}`, 'eCheck-in');
    expect(await patient.title()).toBe('eCheck-in – OurChart');
    await patient.getByRole('heading', { level: 2, name: 'Your details' }).waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'eCheck-in details', CHECK_IN.en, CHECK_IN.es);
    await expectFitsAt360(patient);

    // Step 1 by keyboard: an empty phone is named in the summary, which takes focus and links to the field.
    const phone = patient.getByLabel('Phone number');
    await phone.fill('');
    await phone.press('Enter');
    await patient.getByRole('alert').filter({ hasText: 'Enter a phone number with its area code' }).waitFor();
    expect(await focusedClass(patient)).toContain('error-summary');
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await phone.getAttribute('aria-describedby')).toContain('demographics-phone-error');
    await expectNoAxeViolations(patient, 'details with a problem');
    await patient.keyboard.press('Tab');
    await patient.keyboard.press('Enter');
    expect(await focusedId(patient)).toBe('demographics-phone');
    await patient.keyboard.type('+1-555-014-3321');
    await patient.getByRole('button', { name: 'My details are right' }).click();

    // Step 2: insurance must be answered.
    await patient.getByRole('heading', { level: 2, name: 'Insurance' }).waitFor();
    await patient.getByRole('button', { name: 'Save and continue' }).press('Enter');
    await patient.getByRole('alert').filter({ hasText: 'Say whether your insurance is still the same.' }).waitFor();
    await patient.getByLabel('Yes, it is the same').check();
    await patient.getByRole('button', { name: 'Save and continue' }).click();

    // Step 3: each medicine and allergy, still current.
    await patient.getByRole('heading', { level: 2, name: 'Medicines and allergies' }).waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'medicines and allergies', CHECK_IN.en, CHECK_IN.es);
    await patient.getByRole('radio', { name: /^I still (take this|have this allergy)$/ }).first().waitFor();
    for (const option of await patient.getByRole('radio', { name: /^I still (take this|have this allergy)$/ }).all()) await option.check();
    await patient.getByRole('button', { name: 'Save and continue' }).click();

    // Step 4: the PHQ-9 first. Sending it empty lists all nine questions; the first link goes to item 1.
    await patient.getByRole('heading', { level: 2, name: 'Questions' }).waitFor();
    const phq = patient.getByRole('form', { name: 'Patient Health Questionnaire (PHQ-9)' });
    await phq.waitFor();
    await phq.getByRole('button', { name: 'Send my answers' }).press('Enter');
    const summary = phq.getByRole('alert').filter({ hasText: 'Please fix these answers' });
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBe(9);
    expect(await focusedClass(patient)).toContain('error-summary');
    await expectNoAxeViolations(patient, 'PHQ-9 with problems');
    await summary.getByRole('link', { name: /Little interest or pleasure in doing things/ }).click();
    expect(await focusedId(patient)).toBe('q-44250-9');

    const group = (name: RegExp) => phq.getByRole('group', { name });
    await group(/^1\. Little interest/).getByRole('radio', { name: 'Not at all' }).check();
    await group(/^2\. Feeling down/).getByRole('radio', { name: 'Several days' }).check();
    // A draft saved on request survives a reload.
    await phq.getByRole('button', { name: 'Save and finish later' }).click();
    await phq.getByText('Your answers are saved. You can come back and finish later.').waitFor();
    await patient.reload();
    await patient.getByRole('heading', { level: 2, name: 'Questions' }).waitFor();
    expect(await group(/^2\. Feeling down/).getByRole('radio', { name: 'Several days' }).isChecked()).toBe(true);
    for (const n of [3, 4, 5, 6, 7, 8]) await phq.getByRole('group', { name: new RegExp(`^${n}\\. `) }).getByRole('radio', { name: 'Not at all' }).check();
    // Changes save themselves a moment later, without a button.
    await phq.getByText(/^Your answers were saved at /).waitFor();
    await group(/^9\. Thoughts that you would be better off dead/).getByRole('radio', { name: 'Several days' }).check();
    await phq.getByRole('button', { name: 'Send my answers' }).click();

    const crisis = patient.getByRole('region', { name: 'You do not have to go through this alone' });
    await crisis.getByText('Call or text 988, the Suicide & Crisis Lifeline.', { exact: false }).waitFor();
    await crisis.getByText('If you are in danger right now, call 911.').waitFor();
    expect(await crisis.getByRole('link', { name: 'Call 988' }).getAttribute('href')).toBe('tel:988');
    expect(await crisis.getByRole('link', { name: 'Call 911' }).getAttribute('href')).toBe('tel:911');

    // GAD-7, then the pre-visit form (its enableWhen shows "Where is the pain?" only for pain above 0).
    const gad = patient.getByRole('form', { name: 'Generalized Anxiety Disorder 7-item (GAD-7)' });
    await gad.waitFor();
    await expectNoAxeViolations(patient, 'GAD-7 with the crisis message (en)');
    // In Spanish the form shows the published Spanish wording (the FHIR translation extension).
    await patient.getByRole('button', { name: 'Español' }).click();
    const gadEs = patient.getByRole('form', { name: 'Trastorno de ansiedad generalizada de 7 preguntas (GAD-7)' });
    await gadEs.getByRole('group', { name: /^4\. Ha tenido dificultad para relajarse/ }).getByRole('radio', { name: 'Nunca' }).waitFor();
    await patient.getByRole('region', { name: 'No tiene que pasar por esto solo' }).getByText('Si está en peligro ahora mismo, llame al 911.').waitFor();
    await expectNoAxeViolations(patient, 'GAD-7 with the crisis message (es)');
    await patient.getByRole('button', { name: 'English' }).click();
    await patient.getByRole('heading', { level: 1, name: 'eCheck-in' }).waitFor();
    await expectFitsAt360(patient);
    // Switching language loads the form again in the new words; wait for the English ones.
    await gad.getByRole('group', { name: /^1\. Feeling nervous/ }).waitFor();
    for (const option of await gad.getByRole('radio', { name: 'Not at all' }).all()) await option.check();
    await gad.getByRole('button', { name: 'Send my answers' }).click();

    const form = patient.getByRole('form', { name: 'Before your visit' });
    await form.waitFor();
    await form.getByLabel(/What would you like to talk about/).fill('A check-up and my knee.');
    expect(await form.getByLabel('Where is the pain?').count()).toBe(0);
    await form.getByLabel(/How much pain do you have today/).fill('two');
    await form.getByRole('group', { name: /Do you smoke or use tobacco/ }).getByRole('radio', { name: 'Never' }).check();
    await form.getByRole('button', { name: 'Send my answers' }).click();
    await form.getByRole('link', { name: /Enter a whole number, like 3/ }).waitFor();
    await form.getByLabel(/How much pain do you have today/).fill('3');
    await form.getByLabel('Where is the pain?').fill('Left knee');
    await form.getByRole('button', { name: 'Send my answers' }).click();

    await patient.getByText('You answered all the questions. Thank you.').waitFor();
    await patient.getByRole('button', { name: 'Save and continue' }).click();
    await patient.getByRole('heading', { level: 2, name: 'What to bring' }).waitFor();
    await patient.getByRole('button', { name: 'Finish eCheck-in' }).click();
    await patient.getByRole('heading', { level: 2, name: 'You are checked in' }).waitFor();
    await patient.getByRole('region', { name: 'You do not have to go through this alone' }).waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'checked in', CHECK_IN.en, CHECK_IN.es);
    await expectFitsAt360(patient);
    const done = await patient.evaluate(async (id) => ((await (await fetch('/api/appointments')).json()) as { upcoming: { id: string; checkInDone: boolean }[] }).upcoming.find((a) => a.id === id)?.checkInDone, visit!.id);
    expect(done).toBe(true);
    await patient.context().close();

    // Dr. Patel, the clinician of the visit, sees the alert, acknowledges it, and reads the scored answers.
    const clinician = await newPage(browser);
    await signIn(clinician, baseUrl, 'clinician@ourchart.example');
    await open(clinician, baseUrl, '/staff/alerts', 'Care alerts');
    const alert = clinician.getByRole('article', { name: /^Ana .*Brooks: PHQ-9 item 9 above zero/ });
    await alert.getByText('Score: 2').waitFor();
    await expectNoAxeViolationsInBothLanguages(clinician, 'care alerts', 'Care alerts', 'Alertas de atención');
    await expectFitsAt360(clinician);
    await alert.getByRole('button', { name: /^Acknowledge the alert for Ana/ }).click();
    await clinician.getByText(/^You acknowledged the alert for Ana/).waitFor();
    await clinician.getByRole('radio', { name: 'Acknowledged' }).check();
    await clinician.getByRole('article', { name: /^Ana .*Brooks: PHQ-9 item 9 above zero/ }).getByText(/^Acknowledged by Dr\. Sarah Patel on /).waitFor();
    await expectNoAxeViolations(clinician, 'acknowledged alerts');

    await open(clinician, baseUrl, '/staff', 'Care team workspace');
    await clinician.getByLabel('Name, MRN or date of birth').fill('Brooks');
    await clinician.getByRole('button', { name: 'Search', exact: true }).click();
    await clinician.getByRole('button', { name: /^Open Ana .*Brooks$/ }).first().click();
    const answers = clinician.getByRole('region', { name: 'Questionnaires' });
    const phqAnswers = answers.getByRole('article', { name: 'Patient Health Questionnaire (PHQ-9)' });
    await phqAnswers.getByText('Score 2 of 27: none to minimal').waitFor();
    const row = phqAnswers.getByRole('row').filter({ hasText: 'Thoughts that you would be better off dead' });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['9. Thoughts that you would be better off dead or of hurting yourself in some way', 'Several days', '1']);
    await answers.getByRole('article', { name: 'Before your visit' }).getByText('Left knee').waitFor();
    await expectNoAxeViolations(clinician, 'patient view with questionnaires');
    await expectFitsAt360(clinician);
    await clinician.context().close();
  });
});
