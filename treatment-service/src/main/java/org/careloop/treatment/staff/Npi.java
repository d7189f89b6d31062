package org.careloop.treatment.staff;

/**
 * The National Provider Identifier's check digit: the Luhn formula over the nine digits with the
 * prefix 80840 (CMS, "Requirements for NPI check digit"), which amounts to adding 24 to the sum.
 */
public final class Npi {

    private Npi() {}

    public static boolean valid(String npi) {
        if (npi == null || !npi.matches("[12][0-9]{9}")) {
            return false;
        }
        int sum = 24;
        for (int i = 0; i < 9; i++) {
            int digit = npi.charAt(8 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        int check = (10 - sum % 10) % 10;
        return check == npi.charAt(9) - '0';
    }
}
