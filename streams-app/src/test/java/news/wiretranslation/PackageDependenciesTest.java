package news.wiretranslation;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Packages import downward only: a loop between two packages means neither can be understood, tested or changed
 * without the other. The article's journey types ({@code article}) sit at the bottom, on the Avro contract alone.
 */
class PackageDependenciesTest {
    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("news.wiretranslation");
    }

    @Test
    void topLevelPackagesImportEachOtherWithoutLoops() {
        slices().matching("news.wiretranslation.(*)..").should().beFreeOfCycles().check(mainClasses);
    }

    @Test
    void noPackageImportsAnotherThatImportsItBack() {
        // Every package a slice of its own: sub-packages too (translate and translate.fault, say) import one way.
        slices().matching("news.wiretranslation.(**)").should().beFreeOfCycles().check(mainClasses);
    }

    @Test
    void articleTypesDependOnNoOtherPackageOfTheProjectThanTheAvroContract() {
        classes().that().resideInAPackage("news.wiretranslation.article..")
                .should().onlyDependOnClassesThat(not(resideInAnyPackage("news.wiretranslation..")
                        .and(resideOutsideOfPackage("news.wiretranslation.article.."))
                        .and(resideOutsideOfPackage("news.wiretranslation.avro.."))))
                .as("the article's types depend on no package of the project but the Avro contract")
                .check(mainClasses);
    }
}
