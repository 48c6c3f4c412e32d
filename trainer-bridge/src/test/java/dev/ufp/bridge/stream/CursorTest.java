package dev.ufp.bridge.stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CursorTest {

    @Test
    void positionsRoundTripAndForeignTokensAreRefused() {
        for (Position position : new Position[]{new Position('p', 1, 0), new Position('l', 123_456_789_012L, 0),
                new Position('p', 42, 2)}) {
            assertThat(Cursor.decode(Cursor.encode(position))).isEqualTo(position);
        }
        assertThat(Cursor.encode(new Position('p', 7, 0))).doesNotContain("=", "+", "/");
        for (String foreign : new String[]{"", "garbage", "djE6eDoxOjA", "djI6cDoxOjA", "djE6cDotMTow", "%%%"}) {
            assertThat(Cursor.decode(foreign)).as(foreign).isNull();
        }
    }
}
