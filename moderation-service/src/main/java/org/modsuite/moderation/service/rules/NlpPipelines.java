package org.modsuite.moderation.service.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

/**
 * Stanford CoreNLP pipelines per language, used as a cascade: the cheap stage (tokens and sentences) runs on every
 * post; the deep stage (tags, lemmas, dependencies) runs on the same annotation only when a deep rule may apply.
 * The full pipeline on every post is about 30 posts/s on two cores; the cascade is how the engine reaches thousands.
 * The pipelines are thread-safe and built once.
 */
public final class NlpPipelines {

  // Quotes stay ASCII and words keep their hyphens, so that patterns see the text as written (folded).
  private static final String TOKENIZE_OPTIONS = "invertible=false,ptb3Escaping=false,quotes=ascii,splitHyphenated=false,untokenizable=noneDelete";

  private final Map<String, StanfordCoreNLP> cheap = new HashMap<>();
  private final Map<String, StanfordCoreNLP> deep = new HashMap<>();

  public NlpPipelines(List<String> languages) {
    // Loading the models takes seconds per language: the languages load side by side to keep start-up short.
    ExecutorService loaders = Executors.newFixedThreadPool(languages.size());
    Map<String, CompletableFuture<StanfordCoreNLP[]>> loading = new HashMap<>();
    for (String language : languages) {
      loading.put(language, CompletableFuture.supplyAsync(
          () -> new StanfordCoreNLP[] {new StanfordCoreNLP(cheapProperties(language)), new StanfordCoreNLP(deepProperties(language))}, loaders));
    }
    loaders.shutdown();
    loading.forEach((language, future) -> {
      StanfordCoreNLP[] pair = future.join();
      cheap.put(language, pair[0]);
      deep.put(language, pair[1]);
    });
  }

  public boolean supports(String language) {
    return cheap.containsKey(language);
  }

  /** Tokens and sentences of {@code text}. */
  public Annotation tokenise(String text, String language) {
    Annotation annotation = new Annotation(text);
    cheap.get(language).annotate(annotation);
    return annotation;
  }

  /** Adds tags, lemmas (English) and basic dependencies to an annotation from {@link #tokenise}. */
  public void deepen(Annotation annotation, String language) {
    deep.get(language).annotate(annotation);
  }

  private static Properties cheapProperties(String language) {
    Properties p = new Properties();
    p.setProperty("tokenize.options", TOKENIZE_OPTIONS);
    if (language.equals("de")) {
      p.setProperty("annotators", "tokenize,ssplit,mwt");
      p.setProperty("tokenize.language", "de");
      p.setProperty("tokenize.postProcessor", "edu.stanford.nlp.international.german.process.GermanTokenizerPostProcessor");
      p.setProperty("mwt.mappingFile", Contractions.GERMAN_MAPPING);
    } else {
      p.setProperty("annotators", "tokenize,ssplit");
      p.setProperty("tokenize.language", "en");
    }
    return p;
  }

  private static Properties deepProperties(String language) {
    Properties p = new Properties();
    p.setProperty("enforceRequirements", "false");
    if (language.equals("de")) {
      p.setProperty("annotators", "pos,depparse");
      p.setProperty("pos.model", "edu/stanford/nlp/models/pos-tagger/german-ud.tagger");
      p.setProperty("depparse.model", "edu/stanford/nlp/models/parser/nndep/UD_German.gz");
    } else {
      p.setProperty("annotators", "pos,lemma,depparse");
    }
    return p;
  }
}
