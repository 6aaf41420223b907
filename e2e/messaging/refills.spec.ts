import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectFitsAt360, expectNoAxeViolations, expectNoAxeViolationsInBothLanguages, launchChromium } from '../browser.ts';
import { newPage, open, signIn } from '../identity/helpers.ts';

const baseUrl = inject('baseUrl');

type Medications = { active: { id: string; name: string }[] };
type Refills = { requests: { medication: { id: string }; status: string }[] };

const MEDICATIONS = { en: 'Medications', es: 'Medicamentos' };
const REFILLS = { en: 'Refill requests', es: 'Solicitudes de resurtido' };

/** The Medications page entry of one medicine (its heading is the medicine's name). */
const medicationItem = (page: Page, name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });

/** Ana asks for a refill of `name` from Medications, choosing a pharmacy and writing a note. */
async function requestFromMedications(patient: Page, name: string, note: string) {
  await open(patient, baseUrl, '/medications', 'Medications');
  const item = medicationItem(patient, name).first();
  await item.getByRole('button', { name: `Request refill of ${name}` }).click();
  const form = patient.getByRole('form', { name: `Ask for a refill of ${name}` });
  await form.waitFor();
  // The pharmacy list takes focus when it arrives.
  await form.getByLabel('Pharmacy').selectOption({ label: 'Main Street Pharmacy, 120 Main Street, Springfield' });
  await form.getByLabel('Note for your care team (you can leave this empty)').fill(note);
  return { item, form };
}

describe('refill requests: a patient asks from Medications, a clinician approves one and denies another', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchChromium());
  });
  afterAll(() => close?.());

  it('patient requests, clinician approves, patient sees Approved; a second request is denied with a reason the patient reads', async () => {
    const patient = await newPage(browser);
    await signIn(patient, baseUrl, 'patient@ourchart.example');
    // Two of Ana's current medicines without an open request (the API the pages use, as the signed-in patient).
    const { ana, meds } = await patient.evaluate(async () => {
      const summary = (await (await fetch('/api/records/summary')).json()) as { patient: { name: string } };
      const medications = (await (await fetch('/api/records/medications')).json()) as Medications;
      const refills = (await (await fetch('/api/refills')).json()) as Refills;
      const open = new Set(refills.requests.filter((r) => r.status === 'requested').map((r) => r.medication.id));
      return { ana: summary.patient.name, meds: medications.active.filter((m) => !open.has(m.id)) };
    });
    const [first, second] = meds;
    expect(first).toBeDefined();
    expect(second).toBeDefined();

    // 1. Ana asks for a refill of the first medicine; axe checks the page with the form open.
    const { item, form } = await requestFromMedications(patient, first!.name, 'I have 5 tablets left.');
    await expectNoAxeViolationsInBothLanguages(patient, 'medications with the refill form', MEDICATIONS.en, MEDICATIONS.es);
    await form.getByRole('button', { name: 'Send request' }).click();
    await patient.getByRole('status').filter({ hasText: `We sent your refill request for ${first!.name}. We will tell you when the care team answers.` }).waitFor();
    await item.getByText(/^Refill asked for on .+: Waiting for an answer$/).waitFor();
    // While it is open, there is no second button for it.
    expect(await item.getByRole('button', { name: `Request refill of ${first!.name}` }).count()).toBe(0);
    await expectNoAxeViolationsInBothLanguages(patient, 'medications with a refill requested', MEDICATIONS.en, MEDICATIONS.es);
    await expectFitsAt360(patient);
    // A second request made anyway (another tab) is refused with a plain sentence.
    const duplicate = await patient.evaluate(async (id) => {
      const res = await fetch('/api/refills', { method: 'POST', headers: { 'content-type': 'application/json', 'x-ourchart-csrf': '1' }, body: JSON.stringify({ medicationRequestId: id, pharmacyId: 'demo-pharmacy-main-street' }) });
      return { status: res.status, detail: ((await res.json()) as { detail: string }).detail };
    }, first!.id);
    expect(duplicate).toEqual({ status: 409, detail: `You already asked for a refill of ${first!.name}. We will tell you when the care team answers.` });

    await open(patient, baseUrl, '/refills', 'Refill requests');
    const mine = patient.getByRole('article', { name: first!.name }).first();
    await mine.getByText('Waiting for an answer').waitFor();
    await mine.getByText('I have 5 tablets left.').waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'refill requests, one waiting', REFILLS.en, REFILLS.es);
    await expectFitsAt360(patient);

    // A nurse in the same pool sees the request but may only deny or leave a note, and the page says so.
    const nurse = await newPage(browser);
    await signIn(nurse, baseUrl, 'nurse@ourchart.example');
    await open(nurse, baseUrl, '/staff/refills', 'Refill requests');
    await nurse.getByText('Only clinicians can approve refills. You can deny with a reason or leave a note for the prescriber.').waitFor();
    const nurseCard = nurse.getByRole('article', { name: `${ana}: ${first!.name}` });
    await nurseCard.getByRole('button', { name: `Deny refill of ${first!.name} for ${ana}` }).waitFor();
    expect(await nurseCard.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
    await nurseCard.getByRole('button', { name: `Add a note to the refill of ${first!.name} for ${ana}` }).click();
    await nurseCard.getByLabel('Note for the team').fill('Blood pressure log looks good.');
    await nurseCard.getByRole('button', { name: 'Save note' }).click();
    await nurse.getByText('Saved your note.').waitFor();
    await nurseCard.getByText(/Blood pressure log looks good\./).waitFor();
    await expectNoAxeViolationsInBothLanguages(nurse, 'staff refill queue as a nurse', REFILLS.en, REFILLS.es);
    await nurse.context().close();

    // 2. Dr. Patel (clinician@, in Ana's prescriber's pool) sees it with allergies and medicines beside it, and approves.
    const clinician = await newPage(browser);
    await signIn(clinician, baseUrl, 'clinician@ourchart.example');
    await clinician.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Refill requests' }).click();
    await clinician.getByRole('heading', { level: 1, name: 'Refill requests' }).waitFor();
    const card = clinician.getByRole('article', { name: `${ana}: ${first!.name}` });
    await card.getByText('I have 5 tablets left.').waitFor();
    await card.getByText(/Blood pressure log looks good\./).waitFor();
    await card.getByText('Allergies', { exact: true }).waitFor();
    await card.getByText(/Penicillin|penicillin/).first().waitFor();
    await expectNoAxeViolationsInBothLanguages(clinician, 'staff refill queue', REFILLS.en, REFILLS.es);
    await expectFitsAt360(clinician);
    await card.getByRole('button', { name: `Approve refill of ${first!.name} for ${ana}` }).click();
    await clinician.getByText(`Approved the refill of ${first!.name} for ${ana}. A renewed prescription is in the record.`).waitFor();
    await expectNoAxeViolations(clinician, 'after approving');

    // 3. Ana sees "Approved" on her list and on the renewed prescription.
    await open(patient, baseUrl, '/refills', 'Refill requests');
    await patient.getByRole('article', { name: first!.name }).first().getByText('Approved', { exact: true }).waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'refill requests, one approved', REFILLS.en, REFILLS.es);
    await open(patient, baseUrl, '/medications', 'Medications');
    await medicationItem(patient, first!.name).getByText(/^Refill asked for on .+: Approved$/).first().waitFor();

    // 4. A second request, for another medicine, is denied by the clinician with a reason Ana reads.
    const second$ = await requestFromMedications(patient, second!.name, 'Running low.');
    await second$.form.getByRole('button', { name: 'Send request' }).click();
    await second$.item.getByText(/^Refill asked for on .+: Waiting for an answer$/).waitFor();

    await open(clinician, baseUrl, '/staff/refills', 'Refill requests');
    const secondCard = clinician.getByRole('article', { name: `${ana}: ${second!.name}` });
    await secondCard.getByRole('button', { name: `Deny refill of ${second!.name} for ${ana}` }).click();
    await secondCard.getByRole('button', { name: 'Deny refill', exact: true }).click();
    await secondCard.getByText('Write the reason (at least 5 characters).').first().waitFor();
    await expectNoAxeViolations(clinician, 'deny form with a problem');
    await secondCard.getByLabel('Reason the patient will read').fill('Please book a visit first. We need to check your kidneys.');
    await secondCard.getByRole('button', { name: 'Deny refill', exact: true }).click();
    await clinician.getByText(`Denied the refill of ${second!.name} for ${ana}. The patient will be told.`).waitFor();
    await clinician.getByRole('radio', { name: 'Answered' }).check();
    await clinician.getByRole('heading', { level: 2, name: 'Answered requests' }).waitFor();
    await clinician.getByRole('article', { name: `${ana}: ${second!.name}` }).getByText('Denied', { exact: true }).waitFor();
    await expectNoAxeViolationsInBothLanguages(clinician, 'answered refill requests', REFILLS.en, REFILLS.es);
    await clinician.context().close();

    await open(patient, baseUrl, '/refills', 'Refill requests');
    const denied = patient.getByRole('article', { name: second!.name }).first();
    await denied.getByText('Denied', { exact: true }).waitFor();
    await denied.getByText('Please book a visit first. We need to check your kidneys.').waitFor();
    await expectNoAxeViolationsInBothLanguages(patient, 'refill requests, one denied', REFILLS.en, REFILLS.es);
    await expectFitsAt360(patient);
    await open(patient, baseUrl, '/medications', 'Medications');
    await medicationItem(patient, second!.name).getByText('Reason: Please book a visit first. We need to check your kidneys.').waitFor();
    // Denied requests close: Ana may ask again.
    await medicationItem(patient, second!.name).getByRole('button', { name: `Request refill of ${second!.name}` }).waitFor();
    await patient.context().close();
  });
});
