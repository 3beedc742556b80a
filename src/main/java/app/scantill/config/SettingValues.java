package app.scantill.config;

/** Read access to settled settings: the loaded {@link AppConfig}, or the ones a derived default may build on. */
public interface SettingValues {

    /** The setting's value: what was configured, or its default. */
    <T> T get(Setting<T> setting);
}
