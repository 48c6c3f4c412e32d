package dev.ufp.ingestion.intake;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class StoreFailureTest {

    private static RuntimeException wrapped(SQLException sql) {
        return new DataIntegrityViolationException("could not execute batch", new RuntimeException("jdbc", sql));
    }

    @Test
    void aDataExceptionOfTheDatabaseIsTheConversationsFault() {
        assertThat(StoreFailure.refusedData(wrapped(new SQLException(
                "ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("SQL state 22021: ").contains("0x00"));
        assertThat(StoreFailure.refusedData(wrapped(new SQLException("check", "23514")))).isPresent();
        assertThat(StoreFailure.refusedData(wrapped(new SQLException("index row too large", "54000")))).isPresent();
    }

    @Test
    void aValueTheSerializerCannotWriteIsTheConversationsFault() {
        assertThat(StoreFailure.refusedData(new IllegalStateException("serialize",
                new JsonGenerationException("Incomplete surrogate pair", (JsonGenerator) null)))).isPresent();
    }

    @Test
    void aConcurrentWriterOrAnOutageIsNot() {
        assertThat(StoreFailure.refusedData(wrapped(new SQLException("duplicate key", "23505")))).isEmpty();
        assertThat(StoreFailure.refusedData(new CannotCreateTransactionException("down",
                new SQLException("Connection refused", "08001")))).isEmpty();
        assertThat(StoreFailure.refusedData(new IllegalStateException("no SQL state"))).isEmpty();
    }

    @Test
    void theSummaryKeepsTheDatabasesErrorLineOnly() {
        SQLException sql = new SQLException("Batch entry 0 insert into ... values ('secret payload') was aborted: "
                + "ERROR: value refused\n  Where: PL/pgSQL function refuse_marked()", "22P05");
        assertThat(StoreFailure.summary(wrapped(sql))).isEqualTo("SQLException: ERROR: value refused");
    }
}
