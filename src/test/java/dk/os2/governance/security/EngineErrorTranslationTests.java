package dk.os2.governance.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which part of an engine error message is the application's own Danish reason. */
class EngineErrorTranslationTests {

  @Test
  void theApplicationsDanishReasonIsKeptAndTheEnginesEnglishPrefixDropped() {
    assertThat(EngineErrorTranslation.danishPart("Cannot instantiate process definition project-proposal:1:abc: "
        + "Der findes allerede et produkt eller forslag med navnet 'OS2x'."))
        .isEqualTo("Der findes allerede et produkt eller forslag med navnet 'OS2x'.");
    assertThat(EngineErrorTranslation.danishPart("Formularen kan ikke sendes: «Beslutning» skal udfyldes."))
        .isEqualTo("Formularen kan ikke sendes: «Beslutning» skal udfyldes.");
  }

  @Test
  void englishMessagesAreNotTakenForDanishEvenWithDanishInput() {
    assertThat(EngineErrorTranslation.danishPart(
        "Cannot deserialize value of type `java.lang.Integer` from String \"høj\": not a valid `java.lang.Integer` value"))
        .isNull();
    assertThat(EngineErrorTranslation.danishPart("Cannot find task with id findes-ikke: task is null")).isNull();
  }
}
