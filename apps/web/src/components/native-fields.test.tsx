import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChoiceGroup, ErrorSummary, Field, InputField, TextAreaField } from './native-fields.tsx';

// The shared native fields tie hint and error to the control (aria-describedby, aria-invalid)
// the same way for every page that uses them (eCheck-in, messaging, proxies, scheduling setup).

const noop = () => {};
const attr = (html: string, tag: string, name: string) => new RegExp(`<${tag}[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1];

describe('native fields', () => {
  it('labels an input and describes it by its hint only while there is no error', () => {
    const html = renderToStaticMarkup(<InputField id="phone" label="Phone" hint="Numbers only" value="" onChange={noop} maxLength={200} />);
    expect(html).toContain('<label class="field__label" for="phone">Phone</label>');
    expect(attr(html, 'input', 'aria-describedby')).toBe('phone-hint');
    expect(attr(html, 'input', 'aria-invalid')).toBeUndefined();
    expect(html).not.toContain('field__error');
  });

  it('marks an input invalid and reads hint then error, with the error after the input by default', () => {
    const html = renderToStaticMarkup(<InputField id="email" label="Email" hint="We write here" error="Enter an email" type="email" value="x" onChange={noop} isRequired />);
    expect(attr(html, 'input', 'aria-describedby')).toBe('email-hint email-error');
    expect(attr(html, 'input', 'aria-invalid')).toBe('true');
    expect(attr(html, 'input', 'aria-required')).toBe('true');
    expect(attr(html, 'input', 'inputMode')).toBe('email');
    expect(attr(html, 'input', 'autoCapitalize')).toBe('none');
    expect(html.indexOf('<input')).toBeLessThan(html.indexOf('id="email-error"'));
  });

  it('puts the error above the control when asked (GOV.UK order)', () => {
    const html = renderToStaticMarkup(<InputField id="city" label="City" error="Enter your city" value="" onChange={noop} errorFirst />);
    expect(html.indexOf('id="city-error"')).toBeLessThan(html.indexOf('<input'));
  });

  it('gives a text area a generated id its label points to, and aria-required unless told otherwise', () => {
    const html = renderToStaticMarkup(<TextAreaField label="Your message" name="body" value="" onChange={noop} maxLength={5000} error="Write a message" />);
    const id = attr(html, 'textarea', 'id')!;
    expect(id).toBeTruthy();
    expect(html).toContain(`for="${id}"`);
    expect(attr(html, 'textarea', 'aria-describedby')).toBe(`${id}-error`);
    expect(attr(html, 'textarea', 'aria-required')).toBe('true');
    expect(attr(html, 'textarea', 'rows')).toBe('4');
    const optional = renderToStaticMarkup(<TextAreaField id="note" label="Note" value="" onChange={noop} maxLength={10} isRequired={false} rows={3} />);
    expect(attr(optional, 'textarea', 'aria-required')).toBeUndefined();
  });

  it('hands any control the props that tie it to its label', () => {
    const html = renderToStaticMarkup(
      <Field label="Time zone" error="Pick one" className="wide">
        {(control) => <select {...control} />}
      </Field>,
    );
    expect(html).toContain('class="field wide"');
    expect(attr(html, 'select', 'aria-invalid')).toBe('true');
    expect(attr(html, 'select', 'aria-describedby')).toMatch(/-error$/);
  });

  it('describes a choice group by its error', () => {
    const html = renderToStaticMarkup(<ChoiceGroup legend="Days" error="Pick a day">x</ChoiceGroup>);
    expect(attr(html, 'fieldset', 'aria-describedby')).toMatch(/-error$/);
    expect(attr(html, 'fieldset', 'data-invalid')).toBe('true');
  });

  it('lists problems as links to their fields, under a failure message, in an alert', () => {
    const html = renderToStaticMarkup(<ErrorSummary title="Fix these" message="Could not save" problems={[{ id: 'city', text: 'Enter your city' }]} summaryRef={null} />);
    expect(html).toMatch(/^<div role="alert" class="form-alert"><p class="notice notice--error">Could not save<\/p>/);
    expect(html).toContain('<a href="#city">Enter your city</a>');
    expect(renderToStaticMarkup(<ErrorSummary title="Fix these" problems={[]} summaryRef={null} />)).toBe('<div role="alert" class="form-alert"></div>');
  });
});
