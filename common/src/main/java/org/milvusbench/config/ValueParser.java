package org.milvusbench.config;

import java.util.function.Function;

/**
 * Turns the text of one configuration value into a {@code T}, or says what is wrong with it. Every
 * value of the key table is parsed by one of these, so a {@code -D} key, a sweep file and a
 * command-line flag that set the same key accept the same values with the same messages.
 *
 * @param <T> the parsed type
 */
public interface ValueParser<T> {

  /**
   * @param text the value, trimmed and never blank (blank means "not set")
   * @throws InvalidValue with one complaint per problem, each quoting what was wrong and saying
   *     what is allowed, never naming the key
   */
  T parse(String text);

  /** What is allowed, as the README's table says it ({@code 1..64}, {@code closed, open}). */
  String allowed();

  /** A parser from a function that throws {@link InvalidValue}. */
  static <T> ValueParser<T> of(String allowed, Function<String, T> parse) {
    return new ValueParser<>() {
      @Override
      public T parse(String text) {
        return parse.apply(text);
      }

      @Override
      public String allowed() {
        return allowed;
      }
    };
  }

  /** This parser, described otherwise in the table (e.g. {@code integer >= search.topK}). */
  default ValueParser<T> describedAs(String allowedText) {
    return of(allowedText, this::parse);
  }
}
