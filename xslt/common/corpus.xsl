<?xml version="1.0" encoding="UTF-8"?>
<!-- Corpus-wide decisions for the pages and the volume that list every document: the
     documents in date order, and every person the corpus knows with the name to show.

     They are made from each document's *summary* (tt:summary): the few facts of a document
     these decisions need. A document's summary is made once, with its own page
     (html/site_part.xsl), so that the pages listing every document are remade from small
     summaries when one document changes. The input is a tt:corpus holding the personography
     (tt:persons) and either the summaries or the documents themselves (tt:doc, as the volume
     reads them), whose summaries are then made here. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    exclude-result-prefixes="#all">

  <!-- A document's summary. `name` is the stem of its output files, `page` its web page
       ('' for the volume, which has none).
       participant: each participant of the document's header whom a key names;
       local: each participant anywhere in the document that has an id, with the name it gives;
       speaker, named: each person who speaks, or is named in the text, once;
       appears: each person the document mentions at all (local, speaker or named), once. -->
  <xsl:function name="tt:summary" as="element(tt:summary)">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="page" as="xs:string"/>
    <xsl:variable name="locals" select="$tei//tei:particDesc//(tei:person | tei:personGrp)[@xml:id]"/>
    <xsl:variable name="speakers" select="distinct-values($tei//tei:text//tei:sp[@who] ! tt:speaker-keys(.)[.])"/>
    <xsl:variable name="named" select="distinct-values($tei//tei:text//tei:persName[@ref] ! tt:person-key(@ref, .)[.])"/>
    <tt:summary name="{$name}" page="{$page}" date="{tt:iso-date($tei)}" title="{tt:title($tei)}"
        turns="{count($tei//tei:text//tei:sp)}">
      <xsl:for-each select="tt:participants($tei) ! tt:person-key('#' || @xml:id, .)[.]">
        <tt:participant key="{.}"/>
      </xsl:for-each>
      <xsl:for-each select="$locals">
        <tt:local key="{tt:person-key('#' || @xml:id, .)}" name="{tt:person-name(.)}"/>
      </xsl:for-each>
      <xsl:for-each select="$speakers"><tt:speaker key="{.}"/></xsl:for-each>
      <xsl:for-each select="$named"><tt:named key="{.}"/></xsl:for-each>
      <xsl:for-each select="distinct-values(($locals ! tt:person-key('#' || @xml:id, .), $speakers, $named)[.])">
        <tt:appears key="{.}" n="{position()}"/>
      </xsl:for-each>
    </tt:summary>
  </xsl:function>

  <xsl:variable name="input" select="/" as="document-node()"/>

  <!-- The personography keys of a turn's speakers ('' for one it does not know). -->
  <xsl:function name="tt:speaker-keys" as="xs:string*">
    <xsl:param name="sp" as="element()"/>
    <xsl:sequence select="tt:who($sp) ! tt:person-key(., $sp)"/>
  </xsl:function>

  <!-- Every document's summary, in the order of the input: the input itself when it holds
       summaries, else a tree of the summaries of the documents it holds. -->
  <xsl:variable name="summary-tree" as="document-node()"
      select="if (/tt:corpus/tt:doc) then $summaries-made else /"/>
  <xsl:variable name="summaries-made" as="document-node()">
    <xsl:document>
      <tt:corpus>
        <xsl:for-each select="/tt:corpus/tt:doc">
          <xsl:sequence select="tt:summary(*, @name, '')"/>
        </xsl:for-each>
      </tt:corpus>
    </xsl:document>
  </xsl:variable>

  <xsl:key name="tt:appears" match="tt:appears" use="@key"/>
  <xsl:key name="tt:speaks" match="tt:speaker" use="@key"/>
  <xsl:key name="tt:named" match="tt:named" use="@key"/>
  <xsl:key name="tt:local" match="tt:local" use="@key"/>
  <xsl:key name="tt:person" match="tt:persons//tei:person[@xml:id]" use="string(@xml:id)"/>

  <!-- The summaries, by date, then by file name. -->
  <xsl:variable name="summaries" as="element(tt:summary)*">
    <xsl:perform-sort select="$summary-tree/tt:corpus/tt:summary">
      <xsl:sort select="@date"/>
      <xsl:sort select="@name"/>
    </xsl:perform-sort>
  </xsl:variable>

  <!-- The documents themselves (when the input holds them), in the same order. -->
  <xsl:variable name="docs" as="element(tt:doc)*">
    <xsl:perform-sort select="/tt:corpus/tt:doc">
      <xsl:sort select="tt:iso-date(*)"/>
      <xsl:sort select="@name"/>
    </xsl:perform-sort>
  </xsl:variable>

  <!-- Everyone in the personography, and anyone a document names who is not in it. -->
  <xsl:variable name="person-keys" as="xs:string*">
    <xsl:variable name="all" select="$summary-tree/tt:corpus/tt:summary"/>
    <xsl:variable name="listed" select="/tt:corpus/tt:persons//tei:person/@xml:id ! string()"/>
    <xsl:variable name="named" select="distinct-values(($all/tt:participant/@key, $all/tt:speaker/@key, $all/tt:named/@key))"/>
    <xsl:sequence select="$listed, $named[not(. = $listed)]"/>
  </xsl:variable>

  <!-- The name to show for a person: the personography's, else the first document's that
       lists them, else the key. -->
  <xsl:function name="tt:display-name" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:variable name="listed" select="key('tt:person', $key, $input)"/>
    <xsl:variable name="local" select="key('tt:local', $key, $summary-tree)[1]"/>
    <xsl:sequence select="if ($listed) then tt:person-name($listed[1]) else if ($local) then string($local/@name) else $key"/>
  </xsl:function>

  <!-- Every person who speaks or is named somewhere, sorted by the name shown. -->
  <xsl:variable name="persons-in-corpus" as="xs:string*">
    <xsl:perform-sort select="$person-keys[exists(key('tt:speaks', ., $summary-tree) | key('tt:named', ., $summary-tree))]">
      <xsl:sort select="lower-case(tt:display-name(.))"/>
    </xsl:perform-sort>
  </xsl:variable>

</xsl:stylesheet>
