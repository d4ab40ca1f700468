// renderTemplate: `{name}` interpolation shared by directive and rule messages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTemplate, templatePlaceholders } from '../../server/src/core/text/render-template';

describe('renderTemplate', () => {
  it('replaces every placeholder, repeated ones included, with strings and numbers', () => {
    assert.equal(renderTemplate('{code} is {name}; {code} again.', { code: 1005, name: 'No Status Rcvd' }), '1005 is No Status Rcvd; 1005 again.');
  });

  it('leaves text without placeholders alone, and ignores unused data', () => {
    assert.equal(renderTemplate('Nothing to fill.', { unused: 1 }), 'Nothing to fill.');
  });

  it('does not re-expand braces that come from the data', () => {
    assert.equal(renderTemplate('Reason: {reason}', { reason: '{code}' }), 'Reason: {code}');
  });

  it('leaves braces that are not placeholders', () => {
    assert.equal(renderTemplate('ws.close({ code }) {x-y} {} {1}', {}), 'ws.close({ code }) {x-y} {} {1}');
  });

  it('throws on a missing key, naming it', () => {
    assert.throws(() => renderTemplate('Code {code} ({name})', { code: 1000 }), {
      message: 'renderTemplate: no value for placeholder {name} in template "Code {code} ({name})"',
    });
  });

  it('does not take keys from the prototype chain', () => {
    assert.throws(() => renderTemplate('{toString}', {}), /no value for placeholder \{toString\}/);
  });
});

describe('templatePlaceholders', () => {
  it('lists placeholder names once, in order', () => {
    assert.deepEqual(templatePlaceholders('{b} {a} {b} { c } {1}'), ['b', 'a']);
  });
});
