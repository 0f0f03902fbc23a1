<?xml version="1.0" encoding="UTF-8"?>
<!-- Corpus-wide decisions for the pages and the volume made from a whole tt:corpus: the
     documents in date order, and every person the corpus knows with the name to show. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    exclude-result-prefixes="#all">

  <xsl:key name="tt:named" match="tt:doc//tei:text//tei:persName[@ref]" use="tt:person-key(@ref, .)"/>
  <xsl:key name="tt:speaks" match="tt:doc//tei:text//tei:sp[@who]" use="tt:who(.) ! tt:person-key(., current())"/>
  <xsl:key name="tt:person" match="tt:persons//tei:person[@xml:id]" use="string(@xml:id)"/>
  <xsl:key name="tt:participates" match="tt:doc//tei:particDesc//tei:person[@xml:id] | tt:doc//tei:particDesc//tei:personGrp[@xml:id]"
      use="tt:person-key('#' || @xml:id, .)"/>

  <!-- The documents, by date, then by file name. -->
  <xsl:variable name="docs" as="element(tt:doc)*">
    <xsl:perform-sort select="/tt:corpus/tt:doc">
      <xsl:sort select="tt:iso-date(*)"/>
      <xsl:sort select="@name"/>
    </xsl:perform-sort>
  </xsl:variable>

  <!-- Everyone in the personography, and anyone a document names who is not in it. -->
  <xsl:variable name="person-keys" as="xs:string*">
    <xsl:variable name="listed" select="/tt:corpus/tt:persons//tei:person/@xml:id ! string()"/>
    <xsl:variable name="named" select="distinct-values((
        $docs/*/tt:participants(.) ! tt:person-key('#' || @xml:id, .),
        for $sp in $docs//tei:text//tei:sp return tt:who($sp) ! tt:person-key(., $sp),
        $docs//tei:text//tei:persName[@ref] ! tt:person-key(@ref, .))[.])"/>
    <xsl:sequence select="$listed, $named[not(. = $listed)]"/>
  </xsl:variable>

  <xsl:function name="tt:display-name" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="corpus" as="document-node()"/>
    <xsl:variable name="listed" select="key('tt:person', $key, $corpus)"/>
    <xsl:variable name="local" select="key('tt:participates', $key, $corpus)[1]"/>
    <xsl:sequence select="if ($listed) then tt:person-name($listed[1]) else if ($local) then tt:person-name($local) else $key"/>
  </xsl:function>

  <!-- Every person who speaks or is named somewhere, sorted by the name shown. -->
  <xsl:function name="tt:persons-in-corpus" as="xs:string*">
    <xsl:param name="corpus" as="document-node()"/>
    <xsl:perform-sort select="$person-keys[exists(key('tt:speaks', ., $corpus) | key('tt:named', ., $corpus))]">
      <xsl:sort select="lower-case(tt:display-name(., $corpus))"/>
    </xsl:perform-sort>
  </xsl:function>

</xsl:stylesheet>
