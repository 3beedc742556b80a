/**
 * Words for people: {@link app.scantill.i18n.Message} (a bundle key and its arguments) said by any layer,
 * rendered by a {@link app.scantill.i18n.Translator} in the reader's language. The bundles are
 * {@code src/main/resources/app/scantill/i18n/messages*.properties}; {@code messages.properties} is English
 * and holds every key. See docs/i18n.md.
 */
package app.scantill.i18n;
