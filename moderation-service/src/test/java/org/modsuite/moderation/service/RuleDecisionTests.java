package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.modsuite.events.Decision;
import org.modsuite.moderation.service.rules.RuleSets;

/**
 * The shipped rules, classifier and policy together on sentences written for this test (not from any evaluation
 * suite): hate is flagged, and the speech around it — quotation, counter-speech, news, negation, own group, homonyms —
 * is left up. A failure lists every sentence decided wrongly.
 */
class RuleDecisionTests {

  static final List<String> LANGUAGES = List.of("en", "de");
  static final FusedScorer SCORER = new FusedScorer(new LexiconAnalyser(Lexicon.load()), HateClassifier.load(LANGUAGES), LANGUAGES,
      RuleSets.bundledEngine(LANGUAGES));
  static final Policy POLICY = Policy.load(Optional.empty());

  record Expect(String lang, String text, Decision decision) {
  }

  static Expect flag(String lang, String text) {
    return new Expect(lang, text, Decision.REVIEW);
  }

  static Expect remove(String lang, String text) {
    return new Expect(lang, text, Decision.REMOVE);
  }

  static Expect allow(String lang, String text) {
    return new Expect(lang, text, Decision.ALLOW);
  }

  static final List<Expect> CASES = List.of(
      remove("en", "Those refugees in the town hall are vermin, every last one."),
      remove("en", "We should burn down the asylum seekers' hostel tonight."),
      flag("en", "Get them out, the whole lot of them, before they take over."),
      allow("en", "My neighbour called the refugees vermin and I told him that is disgusting."),
      allow("en", "Police said two asylum seekers were attacked outside the station on Friday."),
      allow("en", "Asylum seekers are never parasites in my book, they work harder than most."),
      allow("en", "As an immigrant myself, I have been called a parasite more times than I can count."),
      allow("en", "The bird migration over the lake was spectacular this year."),
      allow("en", "The council's immigration policy is expensive and badly run."),
      allow("en", "Politicians are parasites, all of them."),
      remove("de", "Diese Asylanten sind doch nur Schmarotzer und Ungeziefer."),
      remove("de", "Man sollte die Flüchtlinge alle erschießen."),
      allow("de", "Wer Geflüchtete Ungeziefer nennt, verbreitet menschenverachtende Hetze."),
      allow("de", "Laut Polizei wurden zwei Asylbewerber in Cottbus angegriffen."),
      allow("de", "Flüchtlinge sind keine Parasiten, sondern Menschen."),
      allow("de", "Als Migrantin wurde ich schon oft als Schmarotzerin beschimpft."),
      allow("de", "Die Datenmigration auf den neuen Server dauert bis Montag."),
      allow("de", "Die Asylpolitik der Regierung ist teuer und schlecht gemacht."),
      // obfuscation, coded terms, threats without a named group
      flag("en", "Th3se r@pefugees should go b4ck."),
      remove("en", "m i g r a n t s are v.e.r.m.i.n"),
      flag("en", "Someone should torch their houses, they are parasites."),
      flag("en", "The great replacement is real and these invaders are proof."),
      flag("de", "Die Umvolkung ist in vollem Gange, wehrt euch!"),
      remove("de", "Flüchtlinge gehören alle vergast."),
      flag("de", "Ab nach Afrika mit euch, ihr Kanaken."),
      // speech that stays up
      allow("en", "Are refugees more likely to commit crimes? The statistics say no."),
      allow("en", "He shouted that migrants were rats, and the whole bus went quiet."),
      allow("en", "This shit weather is killing me."),
      allow("en", "Landlords are leeches, change my mind."),
      allow("en", "We need to kill the process before the server crashes."),
      allow("en", "I am a refugee and I will not be silenced."),
      allow("de", "Sind Geflüchtete häufiger arbeitslos als andere? Die Zahlen sagen etwas anderes."),
      allow("de", "Ein Mann rief im Zug, Ausländer seien Ratten, und niemand widersprach."),
      allow("de", "Scheiß Wetter heute, echt zum Kotzen."),
      allow("de", "Vermieter sind Blutsauger, das weiß doch jeder."),
      allow("de", "Wir sind Geflüchtete und wir bleiben."),
      // German threats in the forms people write them: separable verbs, modals, "bald brennen …", "wir kriegen euch"
      flag("de", "Wir bringen euch alle um, ihr Kanaken."),
      remove("de", "Den Moslem knall ich ab."),
      flag("de", "Bald brennen eure Flüchtlingsheime."),
      remove("de", "Man müsste die Asylanten alle aufhängen."),
      flag("de", "Wir kriegen euch, ihr Ausländer."),
      allow("de", "Ich bringe die Kinder um acht zur Schule."),
      allow("de", "Ich hänge die Wäsche auf."),
      // German quotation and reported speech; the author's own voice stays flagged
      allow("de", "Der Politiker sagte, Flüchtlinge seien Schmarotzer, und erntete Widerspruch."),
      allow("de", "„Ausländer sind Ratten“ stand an der Wand der Turnhalle."),
      allow("de", "Auf dem Transparent stand: Ausländer raus."),
      remove("de", "Ich sage es offen: Flüchtlinge sind Ungeziefer."),
      allow("de", "Parolen wie „Ausländer raus“ hört man wieder öfter."),
      flag("de", "Meine Parole: „Ausländer raus“!"),
      // English incitement against a group
      flag("en", "We need to drive the Muslims out of this town."),
      flag("en", "Let's make sure no refugee feels safe here."),
      flag("en", "Meet at the refugee hotel at nine and bring bats."),
      flag("en", "Someone should teach those immigrants a lesson."),
      // English counter-speech; hate after a counter-speech frame stays flagged
      allow("en", "Saying that refugees are animals is not an opinion, it's hate."),
      allow("en", "The idea that Muslims are invaders is a racist myth."),
      allow("en", "I'm sick of hearing people say migrants are parasites."),
      allow("en", "Calling Muslims terrorists is never okay."),
      allow("en", "I cannot believe people still say refugees are parasites."),
      remove("en", "I'm sick of hearing about migrants, kill them all."),
      // the support shield does not cover an attack the author makes next to a rejected "welcome"
      flag("en", "stop saying refugees are welcome, they are parasites"),
      flag("en", "Don't tell me migrants are welcome, they are vermin."),
      allow("en", "Refugees are welcome here, and I will help them settle."),
      // English threats and incitement against a group
      remove("en", "Death to every Muslim in this country."),
      remove("en", "The only good migrant is a dead migrant."),
      remove("en", "Someone should burn down that mosque tonight."),
      flag("en", "These immigrants should all be rounded up and deported."),
      flag("en", "I hope every refugee on that boat drowns."),
      flag("en", "Those Muslims will get what's coming to them."),
      flag("en", "Someone has to do something about the immigrants."),
      flag("en", "Time to clean house, the foreigners first."),
      allow("en", "Someone needs to do something about refugees drowning at sea."),
      allow("en", "Refugees should be able to work while they wait."),
      // English insults, contempt and exclusion
      flag("en", "I really despise Muslims."),
      flag("en", "Immigrants make me want to vomit."),
      flag("en", "Refugees are just so stupid and useless."),
      flag("en", "Every single migrant is a thief."),
      flag("en", "Muslims don't belong in our country."),
      flag("en", "You can never trust a refugee."),
      flag("en", "Migrants are nothing more than cockroaches."),
      allow("en", "I don't hate migrants, I just want fair rules."),
      allow("en", "Refugees are fleeing violent gangs and dangerous smugglers."),
      allow("en", "Refugees are not stupid, they speak four languages."),
      // English coded terms and echoes
      flag("en", "The kalergi plan explains all these welfare migrants."),
      flag("en", "Guess who runs Hollywood: (((them)))."),
      // English counter-speech
      allow("en", "Anyone who calls Muslims terrorists is a bigot."),
      allow("en", "How dare you call refugees parasites."),
      allow("en", "It is not okay to say immigrants are animals."),
      // German: "laut" is a source only in "laut <Quelle>"
      flag("de", "Die sind laut und dreckig, raus mit dem Pack."),
      allow("de", "Laut Bericht des Ministeriums kamen weniger Asylbewerber."),
      // German threats, incitement, insults, coded terms
      remove("de", "Tod allen Muslimen!"),
      remove("de", "Die Asylanten gehören alle vergast."),
      remove("de", "Ausländer raus aus Deutschland!"),
      flag("de", "Die Flüchtlinge gehören abgeschoben, alle."),
      flag("de", "Ich hasse diese Ausländer."),
      flag("de", "Muslime widern mich an."),
      flag("de", "Flüchtlinge sind einfach nur dumm und faul."),
      flag("de", "Jeder Asylbewerber ist ein Schmarotzer."),
      flag("de", "Ausländer haben hier nichts verloren."),
      flag("de", "Dieses Asylantenpack muss weg."),
      flag("de", "Der Volksaustausch läuft, Remigration jetzt!"),
      flag("de", "Alle wissen, dass Ausländer kriminell sind."),
      flag("de", "Es reicht, Kanaken raus!"),
      flag("de", "Muslime sind nicht willkommen."),
      // German negation and policy criticism stay up
      allow("de", "Nicht alle Flüchtlinge sind kriminell."),
      allow("de", "Es stimmt nicht, dass Flüchtlinge faul sind."),
      allow("de", "Kein Mensch ist illegal."),
      allow("de", "Ich hasse keine Ausländer."),
      allow("de", "Die Asylpolitik der Regierung ist gescheitert."),
      allow("de", "Die Migrationspolitik ist chaotisch und viel zu teuer."),
      allow("de", "Flüchtlinge sind keine Verbrecher."),
      // threats and incitement in the author's voice: desire, "to death", imperatives, discrimination
      flag("en", "I want to slit their throats, every one of these migrants."),
      flag("en", "Go out and beat up some immigrants tonight."),
      flag("en", "Never rent a flat to a Muslim."),
      flag("en", "Immigrants stink and they breed like rabbits."),
      allow("en", "I want to help refugees find work."),
      flag("de", "Ich hätte Lust, die Flüchtlinge alle zu erschießen."),
      flag("de", "Dieses Gesindel gehört abgeschoben."),
      flag("de", "Keine Wohnungen für Ausländer!"),
      flag("de", "Ihr Kanaken seid alle Abschaum."),
      allow("de", "Ich glaube nicht, dass Flüchtlinge faul sind."),
      allow("de", "Die Zuwanderung muss besser gesteuert werden."),
      allow("de", "Die Regierung hat bei der Integration versagt."));

  @Test
  void decidesAsExpected() {
    List<String> wrong = new ArrayList<>();
    for (Expect e : CASES) {
      FusedScorer.Scores s = SCORER.score(e.text(), e.lang());
      Decision d = POLICY.decide(s.ruleScores(), s.scores(), e.lang());
      boolean ok = e.decision() == Decision.ALLOW ? d == Decision.ALLOW : e.decision() == Decision.REMOVE ? d == Decision.REMOVE : d != Decision.ALLOW;
      if (!ok) {
        wrong.add(e.lang() + " expected " + e.decision() + " got " + d + " " + s.scores() + " rules " + s.ruleScores() + " p="
            + s.classifier().probability() + " : " + e.text() + " fired " + s.rules().fired().stream().map(f -> f.id() + "=" + f.score()).toList());
      }
    }
    assertThat(wrong).isEmpty();
  }
}
