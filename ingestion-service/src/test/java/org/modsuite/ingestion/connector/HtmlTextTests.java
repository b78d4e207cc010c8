package org.modsuite.ingestion.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTests {

  @Test
  void linksAreRebuiltFromHrefAndMentionsAndHashtagsKeepTheirText() {
    String html = "<p>Infos: <a href=\"https://library.example/events/sprachcafe\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">"
        + "<span class=\"invisible\">https://</span><span class=\"ellipsis\">library.example/events/sprachc</span>"
        + "<span class=\"invisible\">afe</span></a> <span class=\"h-card\"><a href=\"https://social.example/@lina\" class=\"u-url mention\">"
        + "@<span>lina</span></a></span> <a href=\"https://social.example/tags/cafe\" class=\"mention hashtag\" rel=\"tag\">#<span>Cafe</span></a></p>";
    assertThat(HtmlText.toPlain(html)).isEqualTo("Infos: https://library.example/events/sprachcafe @lina #Cafe");
  }

  @Test
  void paragraphsAndBreaksBecomeLinesEntitiesAreDecodedAndEmojiStay() {
    assertThat(HtmlText.toPlain("<p>Tom &amp; Jerry &quot;say&quot; hi 👋🏽<br>next line</p><p>:blobcat: &#39;ok&#39;</p>"))
        .isEqualTo("Tom & Jerry \"say\" hi 👋🏽\nnext line\n:blobcat: 'ok'");
  }

  @Test
  void scriptsAreDroppedAndNothingIsEmpty() {
    assertThat(HtmlText.toPlain("<script>alert(1)</script>plain")).isEqualTo("plain");
    assertThat(HtmlText.toPlain(null)).isEmpty();
  }
}
