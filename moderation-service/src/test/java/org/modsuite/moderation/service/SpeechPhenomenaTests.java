package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.modsuite.events.Decision;

/**
 * One test per phenomenon and language: the speech that must stay up (counter-speech, quotes of hate in order to
 * reject or report it, reclaimed and homonymous words, negated hate, support for a group, neutral mentions) is
 * allowed, and the hate next to it, obfuscated hate included, is flagged, by the shipped rules, classifier and policy
 * together ({@link RuleDecisionTests#SCORER}). Every sentence was written for this test; none comes from an evaluation
 * suite, and none is in model-training/functional/cases.jsonl (which stays for measuring only). Sentences the
 * shipped detector still decides wrongly are marked {@link #gap} with the reason and printed, not asserted.
 */
class SpeechPhenomenaTests {

  /** Hate: the policy reviews or removes it. */
  private static Arguments hate(String text) {
    return Arguments.of(text, true);
  }

  /** Must stay up: the policy allows it. */
  private static Arguments up(String text) {
    return Arguments.of(text, false);
  }

  /**
   * A sentence the shipped detector still gets wrong, with why: reported, not asserted, so that the test shows the gap
   * without failing the build. Remove the mark once a shield or the classifier handles it.
   */
  private static Arguments gap(Arguments sentence, String why) {
    return Arguments.of(sentence.get()[0], sentence.get()[1], why);
  }

  static Stream<Arguments> phenomena() {
    return Stream.of(
        Arguments.of("en", "counter-speech", List.of(
            up("People who call migrants vermin should be ashamed of themselves."),
            up("Refugees are not the problem, the hatred against them is."),
            up("Stop spreading the lie that asylum seekers are criminals."),
            up("Comparing Muslims to rats is vile and we will not stay quiet."),
            hate("People keep saying refugees are human beings, but they are vermin."))),
        Arguments.of("de", "counter-speech", List.of(
            up("Wer Migranten als Ungeziefer bezeichnet, sollte sich schämen."),
            up("Nicht die Flüchtlinge sind das Problem, sondern der Hass auf sie."),
            up("Hört auf mit der Lüge, dass Asylbewerber kriminell sind."),
            up("Muslime mit Ratten zu vergleichen ist widerlich, wir schweigen nicht."),
            gap(hate("Alle sagen, Flüchtlinge seien Menschen, aber sie sind Ungeziefer."), "the reported-subjunctive shield also covers the claim after aber"))),
        Arguments.of("en", "quote-to-reject", List.of(
            up("Someone sprayed \"migrants out\" on the mosque wall; I reported it to the police."),
            up("A man on the tram shouted that refugees are parasites. Nobody should have to hear that."),
            up("I got a message saying \"all immigrants are rats\" and I have blocked the sender."),
            gap(up("Reporting this account: it keeps posting that Muslims are animals."), "no shield for reporting an account"),
            gap(hate("As my uncle rightly says, \"refugees are parasites\"."), "the quotation shield does not see an endorsed quote (rightly says)"))),
        Arguments.of("de", "quote-to-reject", List.of(
            up("Jemand hat „Ausländer raus“ an die Moschee gesprüht, ich habe Anzeige erstattet."),
            up("Ein Mann in der Bahn rief, Flüchtlinge seien Parasiten. So etwas darf niemand hören müssen."),
            up("Ich habe eine Nachricht bekommen: „alle Migranten sind Ratten“. Absender blockiert."),
            up("Ich melde diesen Account, er schreibt ständig, Muslime seien Tiere."),
            gap(hate("Wie mein Onkel richtig sagt: „Flüchtlinge sind Parasiten“."), "the quotation shield does not see an endorsed quote (richtig sagt)"))),
        Arguments.of("en", "reclaimed-and-homonym", List.of(
            up("As a refugee I can joke that we are a swarm of cousins at every wedding."),
            up("The garden centre sells traps for rats and cockroaches."),
            up("Data migration to the new cluster finished overnight."),
            up("Migrating geese rest on the lake every October."),
            hate("Refugees breed like rats and the cockroaches follow them."))),
        Arguments.of("de", "reclaimed-and-homonym", List.of(
            gap(up("Wir Kanaken aus dem Viertel feiern heute unser Straßenfest."), "the own-group shield does not cover a reclaimed slur after wir"),
            up("Der Kammerjäger kommt morgen wegen der Ratten im Keller."),
            up("Die Datenmigration auf das neue System ist abgeschlossen."),
            up("Die Zugvögel machen im Oktober Rast am See."),
            hate("Die Flüchtlinge vermehren sich wie Ratten."))),
        Arguments.of("en", "negated-hate", List.of(
            up("Immigrants are not a disease, and never were."),
            up("I would never want refugees to be hurt."),
            up("No Muslim deserves to be treated like an animal."),
            up("Migrants are not invaders, they are neighbours."),
            gap(hate("Immigrants are not human, they are animals."), "the negation shield also covers the contrast they are animals"))),
        Arguments.of("de", "negated-hate", List.of(
            gap(up("Einwanderer sind keine Krankheit und waren es nie."), "German classifier: a named group alone scores above review"),
            gap(up("Ich würde nie wollen, dass Flüchtlingen etwas passiert."), "German classifier: a named group alone scores above review"),
            gap(up("Kein Muslim verdient es, wie ein Tier behandelt zu werden."), "German classifier: a named group alone scores above review"),
            up("Migranten sind keine Invasoren, sondern Nachbarn."),
            gap(hate("Einwanderer sind keine Menschen, sondern Tiere."), "the negation shield also covers the contrast sondern Tiere"))),
        Arguments.of("en", "support", List.of(
            up("Refugees deserve safety, and I will stand with them."),
            up("Migrants are part of us and we are better for it."),
            up("Proud to volunteer with asylum seekers every Saturday."),
            up("Muslims are our friends and neighbours. Full stop."),
            gap(hate("Support refugees? Only with a one-way ticket home, the parasites."), "the support shield covers the sarcastic reply"))),
        Arguments.of("de", "support", List.of(
            gap(up("Geflüchtete verdienen Sicherheit, und ich stehe an ihrer Seite."), "German classifier: a named group alone scores above review (0.549 with hate-lr-571d74f6)"),
            gap(up("Migranten gehören zu uns, und wir sind besser dadurch."), "German classifier: a named group alone scores above review"),
            up("Ich helfe jeden Samstag ehrenamtlich bei der Asylberatung."),
            gap(up("Muslime sind unsere Freunde und Nachbarn. Punkt."), "German classifier: a named group alone scores above review"),
            hate("Flüchtlinge unterstützen? Nur mit einem Ticket nach Hause, diese Schmarotzer."))),
        Arguments.of("en", "neutral-mention", List.of(
            up("The immigrant family next door has two dogs."),
            gap(up("Refugees from the region arrived by train this morning."), "English classifier: a named group alone scores near review"),
            up("Muslim students asked for a quiet room to pray."),
            up("The survey asked migrants about their working hours."),
            hate("The immigrant family next door should be burned out."))),
        Arguments.of("de", "neutral-mention", List.of(
            up("Die Einwandererfamilie nebenan hat zwei Hunde."),
            up("Geflüchtete aus der Region kamen heute Morgen mit dem Zug."),
            up("Muslimische Studierende baten um einen Gebetsraum."),
            up("Die Umfrage fragte Migranten nach ihren Arbeitszeiten."),
            gap(hate("Die Einwandererfamilie nebenan sollte man ausräuchern."), "no lexicon entry for ausräuchern, and the group inside a compound"))),
        Arguments.of("en", "obfuscated-hate", List.of(
            hate("Imigrants are parasites."),
            hate("Mirgants are vermin, every one of them."),
            hate("refugeesarevermin"),
            hate("Those immi grants are rats."),
            hate("Asylum seekres should be shot."),
            up("Imigrants are welcome in our town."))),
        Arguments.of("de", "obfuscated-hate", List.of(
            hate("Flüchtlnge sind Parasiten."),
            hate("Migarnten sind Ungeziefer, alle."),
            hate("Fluechtlinge sind Ratten."),
            hate("Die Ausländre gehören erschossen."),
            hate("Diese Asylbwerber sind Abschaum."),
            gap(up("Fluechtlinge sind bei uns willkommen."), "German classifier: a named group alone scores above review"))));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("phenomena")
  void decidesAsExpected(String language, String phenomenon, List<Arguments> sentences) {
    List<String> wrong = new ArrayList<>();
    for (Arguments a : sentences) {
      String text = (String) a.get()[0];
      boolean hate = (Boolean) a.get()[1];
      FusedScorer.Scores s = RuleDecisionTests.SCORER.score(text, language);
      Decision d = RuleDecisionTests.POLICY.decide(s.ruleScores(), s.scores(), language);
      if (a.get().length > 2) {
        System.out.printf("known gap (%s %s, %s): %s -> %s%n", language, phenomenon, a.get()[2], text, d.wireName());
        continue;
      }
      if (hate == (d == Decision.ALLOW)) {
        wrong.add((hate ? "missed: " : "flagged: ") + text + " " + s.scores() + " p=" + s.classifier().probability() + " fired "
            + (s.rules() == null ? List.of() : s.rules().fired().stream().map(f -> f.id() + "=" + f.score()).toList()));
      }
    }
    assertThat(wrong).as("%s %s", language, phenomenon).isEmpty();
  }
}
