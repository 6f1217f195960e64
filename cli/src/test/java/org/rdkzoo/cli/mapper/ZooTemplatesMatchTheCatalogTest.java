package org.rdkzoo.cli.mapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rdkzoo.downloader.catalog.Catalog;
import org.rdkzoo.downloader.catalog.CatalogEntry;
import org.rdkzoo.mapperconfigs.init.ModelTemplate;
import org.rdkzoo.mapperconfigs.init.ZooTemplates;

/**
 * The model catalog ({@code downloader}) and the hb_mapper templates ({@code mapper-configs}) are kept in
 * two modules that may not know each other; {@code mapper init} resolves a name through the catalog and
 * then takes the template of the entry's stem. This holds the two to the same 53 models, names and files.
 */
class ZooTemplatesMatchTheCatalogTest {
    @Test
    void everyCatalogModelHasTheTemplateOfItsStemWithTheSameIdFamilyAndOnnx() {
        List<CatalogEntry> entries = Catalog.embedded().entries();
        assertEquals(53, entries.size());
        for (CatalogEntry e : entries) {
            Optional<ModelTemplate> t = ZooTemplates.forStem(e.stem());
            assertTrue(t.isPresent(), "no template for " + e.stem());
            assertEquals(e.stem(), t.get().stem(), "stem spelling");
            assertEquals(e.id(), t.get().id(), e.stem());
            assertEquals(e.family(), t.get().family(), e.stem());
            assertEquals(e.onnxFile().orElse(null), t.get().onnxFile(), e.stem());
        }
    }

    @Test
    void everyTemplateIsACatalogModel() {
        Catalog catalog = Catalog.embedded();
        assertEquals(53, ZooTemplates.all().size());
        for (ModelTemplate t : ZooTemplates.all()) {
            assertEquals(t.stem(), catalog.find(t.stem()).map(CatalogEntry::stem).orElse(null), t.stem());
            assertEquals(t.stem(), catalog.find(t.id()).map(CatalogEntry::stem).orElse(null), "id " + t.id());
        }
    }
}
