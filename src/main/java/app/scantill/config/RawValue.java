package app.scantill.config;

/**
 * A setting's text before parsing, with where it came from, so a problem can name its source.
 *
 * @param source e.g. {@code --register.id}, {@code STRIPE_SECRET_KEY} or the config file's path
 */
record RawValue(String value, String source) {
}
