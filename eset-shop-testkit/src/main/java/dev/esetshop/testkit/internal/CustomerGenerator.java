package dev.esetshop.testkit.internal;

import dev.esetshop.core.EndCustomer;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** Plausible German, Austrian, Swiss and French end customers, drawn from a seeded source. */
final class CustomerGenerator {

    private record Country(
            String code,
            String domain,
            List<String> firstNames,
            List<String> lastNames,
            List<String> names,
            List<String> forms) {}

    private static final List<String> GERMAN_FIRST = List.of(
            "Anna",
            "Lukas",
            "Sophie",
            "Jonas",
            "Marie",
            "Felix",
            "Laura",
            "Maximilian",
            "Lena",
            "Tobias",
            "Katharina",
            "Jürgen",
            "Sabine",
            "Stefan",
            "Monika",
            "Andreas");
    private static final List<String> GERMAN_LAST = List.of(
            "Müller",
            "Schmidt",
            "Schneider",
            "Fischer",
            "Weber",
            "Meyer",
            "Wagner",
            "Becker",
            "Hoffmann",
            "Schäfer",
            "Koch",
            "Bauer",
            "Richter",
            "Klein",
            "Wolf",
            "Gruber",
            "Huber",
            "Brunner",
            "Steiner",
            "Keller");
    private static final List<String> FRENCH_FIRST = List.of(
            "Camille",
            "Lucas",
            "Chloé",
            "Hugo",
            "Léa",
            "Louis",
            "Manon",
            "Nicolas",
            "Élodie",
            "Julien",
            "Céline",
            "Thomas",
            "Isabelle",
            "Mathieu");
    private static final List<String> FRENCH_LAST = List.of(
            "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
            "Laurent", "Lefèvre", "Girard", "Rochat", "Favre");
    private static final List<String> GERMAN_NAMES = List.of(
            "Bäckerei Sonnenschein",
            "Elektro Hartmann",
            "Steuerberatung Lindner",
            "Autohaus am Ring",
            "Praxis Dr. Vogel",
            "Holzbau Eder",
            "Kanzlei Brandt",
            "Spedition Nordlicht",
            "Architekturbüro Kern",
            "Metallbau Seidel",
            "Druckerei Fuchs",
            "Alpen Logistik",
            "Hotel Bergblick",
            "Zahnarztpraxis Roth",
            "Gemeindewerke Talheim",
            "Ingenieurbüro Krüger");
    private static final List<String> FRENCH_NAMES = List.of(
            "Boulangerie du Lac",
            "Cabinet Moreau",
            "Transports Rhône",
            "Atelier Lumière",
            "Pharmacie Centrale",
            "Fiduciaire Léman",
            "Garage des Alpes",
            "Menuiserie Girard",
            "Clinique Vétérinaire Belle-Vue",
            "Imprimerie Dufour",
            "Hôtel du Parc",
            "Bureau d'études Savoie");

    private static final List<Country> COUNTRIES = List.of(
            new Country(
                    "DE",
                    "de",
                    GERMAN_FIRST,
                    GERMAN_LAST,
                    GERMAN_NAMES,
                    List.of("GmbH", "GmbH & Co. KG", "e.K.", "AG")),
            new Country("AT", "at", GERMAN_FIRST, GERMAN_LAST, GERMAN_NAMES, List.of("GmbH", "KG", "e.U.")),
            new Country("CH", "ch", GERMAN_FIRST, GERMAN_LAST, GERMAN_NAMES, List.of("AG", "GmbH")),
            new Country("CH", "ch", FRENCH_FIRST, FRENCH_LAST, FRENCH_NAMES, List.of("SA", "Sàrl")),
            new Country("FR", "fr", FRENCH_FIRST, FRENCH_LAST, FRENCH_NAMES, List.of("SARL", "SAS", "SA")));

    private CustomerGenerator() {}

    static EndCustomer next(RandomGenerator random) {
        Country country = pick(random, COUNTRIES);
        String firstName = pick(random, country.firstNames());
        String lastName = pick(random, country.lastNames());
        String base = pick(random, country.names());
        String organization = base + " " + pick(random, country.forms());
        String domain = ascii(base).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") + "." + country.domain();
        String email = ascii(firstName) + "." + ascii(lastName) + "@" + domain;
        EndCustomer.Builder builder = EndCustomer.builder()
                .organization(organization)
                .firstName(firstName)
                .lastName(lastName)
                .email(email.replace(' ', '-'))
                .country(country.code());
        if (random.nextInt(10) < 4) {
            builder.vatId(vatId(random, country.code()));
        }
        return builder.build();
    }

    private static String vatId(RandomGenerator random, String country) {
        return switch (country) {
            case "DE" -> "DE" + digits(random, 9);
            case "AT" -> "ATU" + digits(random, 8);
            case "FR" -> "FR" + digits(random, 2) + digits(random, 9);
            default -> "CHE-" + digits(random, 3) + "." + digits(random, 3) + "." + digits(random, 3) + " MWST";
        };
    }

    private static String digits(RandomGenerator random, int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }

    private static String ascii(String text) {
        String umlauts = text.replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss")
                .replace("Ä", "Ae")
                .replace("Ö", "Oe")
                .replace("Ü", "Ue");
        return Normalizer.normalize(umlauts, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("'", "")
                .toLowerCase(Locale.ROOT);
    }

    static <T> T pick(RandomGenerator random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
