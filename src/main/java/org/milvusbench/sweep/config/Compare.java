package org.milvusbench.sweep.config;

/**
 * The A/B mode's baseline target ({@code compare.uri}, {@code compare.token}): every trial runs each
 * level on it and on the candidate ({@code milvus.uri}, or the embedded target), alternated.
 *
 * @param uri the baseline target's URI, validated as {@code milvus.uri} is
 * @param token its token; null without one; never printed ({@link #toString()} hides it)
 */
public record Compare(String uri, String token) {
  @Override
  public String toString() {
    return "Compare[uri=" + uri + ", token=" + (token == null ? "none" : "<set>") + "]";
  }
}
