package org.milvusbench.config;

/**
 * One {@code -D} key of the sweep: what the README table lists.
 *
 * @param key system property name
 * @param defaultValue shown default ("" when none)
 * @param allowed what values are accepted
 * @param meaning one line on what it does
 */
public record ConfigKey(String key, String defaultValue, String allowed, String meaning) {}
