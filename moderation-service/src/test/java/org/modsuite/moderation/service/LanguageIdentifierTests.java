package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Language identification over every language Lingua knows, on sentences written for this test. */
class LanguageIdentifierTests {

  private static final LanguageIdentifier ALL = new LanguageIdentifier();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      en | The refugees who arrived last week have found flats in the old town.
      en | I don't think that the new rules for asylum seekers will work.
      de | Die Geflüchteten, die letzte Woche ankamen, haben Wohnungen in der Altstadt gefunden.
      de | Ich glaube nicht, dass die neuen Regeln für Asylbewerber funktionieren.
      fr | Les réfugiés arrivés la semaine dernière ont trouvé des appartements dans la vieille ville.
      fr | Je ne pense pas que les nouvelles règles pour les demandeurs d'asile vont marcher.
      es | Los refugiados que llegaron la semana pasada encontraron pisos en el casco antiguo.
      es | No creo que las nuevas normas para los solicitantes de asilo funcionen.
      it | I rifugiati arrivati la settimana scorsa hanno trovato casa nel centro storico.
      nl | De vluchtelingen die vorige week aankwamen hebben een woning gevonden in de oude stad.
      pl | Uchodźcy, którzy przyjechali w zeszłym tygodniu, znaleźli mieszkania na starym mieście.
      pt | Os refugiados que chegaram na semana passada encontraram apartamentos no centro histórico.
      tr | Geçen hafta gelen mülteciler eski şehirde kendilerine ev buldular.
      tr | Sığınmacılar için yeni kuralların işe yarayacağını sanmıyorum.
      ru | Беженцы, которые приехали на прошлой неделе, нашли квартиры в старом городе.
      ru | Я не думаю, что новые правила для мигрантов будут работать.
      uk | Біженці, які приїхали минулого тижня, знайшли квартири в старому місті.
      uk | Я не думаю, що нові правила для мігрантів працюватимуть.
      ar | وجد اللاجئون الذين وصلوا الأسبوع الماضي شققا في المدينة القديمة.
      ar | لا أعتقد أن القواعد الجديدة لطالبي اللجوء ستنجح.
      fa | پناهجویانی که هفته گذشته رسیدند در شهر قدیمی آپارتمان پیدا کردند.
      fa | فکر نمی‌کنم قوانین جدید برای مهاجران کارساز باشد.
      """)
  void identifiesTheLanguageOfASentence(String language, String sentence) {
    assertThat(ALL.identify(sentence)).isEqualTo(language);
  }

  @Test
  void answersNothingWhenTheTextDoesNotTell() {
    assertThat(ALL.identify("👍👍")).isNull();
    assertThat(ALL.identify("12345")).isNull();
  }

  @Test
  void functionWordsDecidePlainEnglishAndGermanAndLeaveCloseLanguagesToLingua() {
    assertThat(FunctionWords.guess("They said that the refugees were not welcome in the town")).isEqualTo("en");
    assertThat(FunctionWords.guess("Sie sagten, dass die Flüchtlinge in der Stadt nicht willkommen sind")).isEqualTo("de");
    assertThat(FunctionWords.guess("Jeg har ikke set det som er på bordet")).as("Danish and Norwegian share these words").isNull();
    assertThat(FunctionWords.guess("refugees welcome")).as("too few function words").isNull();
  }

  @Test
  void aRestrictedIdentifierAnswersOnlyItsLanguagesAndNamesThem() {
    LanguageIdentifier enDe = new LanguageIdentifier(Set.of("en", "de"));
    assertThat(enDe.identify("Die Geflüchteten haben Wohnungen in der Altstadt gefunden.")).isEqualTo("de");
    assertThat(LanguageIdentifier.name("fa")).isEqualTo("Persian");
    assertThat(LanguageIdentifier.name("es")).isEqualTo("Spanish");
  }
}
