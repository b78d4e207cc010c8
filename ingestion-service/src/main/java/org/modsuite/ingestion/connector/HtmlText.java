package org.modsuite.ingestion.connector;

import java.text.Normalizer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Sanitised post HTML (Mastodon {@code content}, feed descriptions) to plain text for the classifier: entities decoded,
 * paragraphs and {@code <br>} as line breaks, links as their full {@code href} (Mastodon shortens the visible text
 * with {@code invisible}/{@code ellipsis} spans), mentions and hashtags as their text ({@code @name}, {@code #tag}),
 * emoji and {@code :shortcode:} custom emoji as they are. NFC, never NFKC (that would fold look-alike characters).
 */
public final class HtmlText {

  private HtmlText() {
  }

  public static String toPlain(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (Node node : Jsoup.parseBodyFragment(html).body().childNodes()) {
      append(node, out);
    }
    String text = out.toString().replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  private static void append(Node node, StringBuilder out) {
    if (node instanceof TextNode text) {
      out.append(text.getWholeText());
      return;
    }
    if (!(node instanceof Element element)) {
      return;
    }
    switch (element.normalName()) {
      case "br" -> out.append('\n');
      case "script", "style" -> { }
      case "a" -> {
        String href = element.attr("href");
        boolean mentionOrTag = element.hasClass("mention") || element.hasClass("hashtag") || "tag".equals(element.attr("rel"));
        String visible = element.text();
        if (mentionOrTag || href.isBlank() || !(href.startsWith("http://") || href.startsWith("https://"))) {
          out.append(visible);
        } else {
          out.append(href);
        }
      }
      case "p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre" -> {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
          out.append('\n');
        }
        element.childNodes().forEach(child -> append(child, out));
        out.append('\n');
      }
      default -> element.childNodes().forEach(child -> append(child, out));
    }
  }
}
